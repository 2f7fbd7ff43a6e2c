import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';
import { storedArticles } from './models/PasteActions';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));

test('importing a plain-text article creates a draft with title, date, byline, paragraphs and flagged photo slots', async ({
  newsdesk,
  page,
  host,
}) => {
  await page.getByTestId('import-text-input').setInputFiles(fixture('hoi-cho-nong-san.txt'));
  await expect(newsdesk.title).toHaveValue('Khai mạc hội chợ nông sản thị trấn năm 2019');
  await expect(newsdesk.body.locator('p.nd-p, p').filter({ hasText: 'Sáng nay, hội chợ' })).toHaveCount(1);
  // img_4426, the photo whose caption was printed twice after the next paragraph (a photo of its
  // own: a caption is never carried across a paragraph), DSC01234 and tttt7.
  await expect(newsdesk.body.getByTestId('figure')).toHaveCount(4);
  // Two slots had no caption line: they are flagged; the two captioned ones are not.
  await expect(newsdesk.body.getByTestId('figure-caption-warning')).toHaveCount(2);
  await expect(newsdesk.body.getByTestId('figure-caption-warning').first()).toHaveAttribute('data-code', 'CAPTION_MISSING');
  // The camera file names stay findable on each photo, beside (never in) the caption.
  await expect(newsdesk.body.getByTestId('figure-source')).toHaveText(['Ảnh gốc: img_4426', 'Ảnh gốc: DSC01234', 'Ảnh gốc: tttt7']);
  await newsdesk.body.getByTestId('figure').nth(1).scrollIntoViewIfNeeded();
  await expect(newsdesk.body.getByTestId('figure').nth(1).getByTestId('figure-caption')).toHaveValue(
    'Các gian hàng trưng bày sản phẩm OCOP của địa phương',
  );
  await expect(newsdesk.rows).toHaveCount(1);
  const [article] = await storedArticles(page, host);
  expect(article!.byline).toBe('Hoàng Lan');
  expect(article!.dateline).toBe('07/03/2019');
  // The date lands in the dateline, whose label says it holds a date as well as a place.
  await expect(page.locator('label', { has: page.getByTestId('dateline-input') })).toContainText('Nơi, ngày viết');
  const body = article!.body as { root: { children: { type: string; captionMissing?: boolean; caption?: string }[] } };
  expect(body.root.children.map((n) => n.type)).toEqual(['figure', 'paragraph', 'figure', 'paragraph', 'figure', 'figure', 'paragraph']);
  expect(body.root.children.filter((n) => n.captionMissing)).toHaveLength(2);
  expect(body.root.children[4]!.caption).toBe('Lãnh đạo huyện tham quan gian hàng');
  const figures = body.root.children.filter((n) => n.type === 'figure') as { sourceName?: string; caption?: string }[];
  expect(figures.map((f) => f.sourceName)).toEqual(['img_4426', undefined, 'DSC01234', 'tttt7']);
  expect(figures[3]!.caption).toBe('');
});

test('an empty file is refused with a message and creates nothing', async ({ newsdesk, page, host }) => {
  await page.getByTestId('import-text-input').setInputFiles({ name: 'rong.txt', mimeType: 'text/plain', buffer: Buffer.from('\n \n') });
  await expect(page.getByTestId('import-problem')).toHaveText('Tệp không có nội dung.');
  expect(await storedArticles(page, host)).toHaveLength(0);
  await expect(newsdesk.rows).toHaveCount(0);
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('import-text-input').setInputFiles({ name: 'rong-2.txt', mimeType: 'text/plain', buffer: Buffer.from('\n') });
  await expect(page.getByTestId('import-problem')).toHaveText('The file is empty.');
  expect(await storedArticles(page, host)).toHaveLength(0);
});
