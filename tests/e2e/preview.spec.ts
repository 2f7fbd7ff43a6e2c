import sharp from 'sharp';
import { expect, test } from './fixtures';
import { EditorPanel } from './models/EditorPanel';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test.beforeEach(async ({ newsdesk }) => {
  await newsdesk.createArticle();
});

test('the portal preview prints title, date line, lead, body with captioned photo and the byline last', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await page.getByTestId('title-input').fill('Cửa Lò đón khách dịp lễ');
  await page.getByTestId('lead-input').fill('Hàng nghìn lượt khách đổ về bãi biển.');
  await page.getByTestId('byline-input').fill('Thanh Bình');
  await page.getByTestId('dateline-input').fill('Cửa Lò');
  await page.getByTestId('category-input').fill('Du lịch');
  await page.getByTestId('publish-at-input').fill('2026-11-24T08:30');

  await editor.body.click();
  await page.keyboard.type('## Bãi biển đông vui');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Sáng nay, bãi biển Cửa Lò đón hàng nghìn lượt khách.');
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 20, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
  await page.getByTestId('photo-file-input').setInputFiles({ name: 'img_4426.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expect(editor.figures).toHaveCount(1);
  await page.getByTestId('figure-caption').fill('Du khách tắm biển Cửa Lò');
  await page.getByTestId('figure-alt').fill('Bãi biển đông người');
  await page.getByTestId('figure-credit').fill('Hoàng Lan');

  // Typed just before opening, inside the body's serialise delay: the preview shows it too.
  await editor.body.getByText('Sáng nay').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Trời nắng đẹp.');
  await page.keyboard.press(`${MOD}+Shift+KeyP`);

  const preview = page.getByTestId('portal-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toBeFocused();
  await expect(preview.getByTestId('preview-title')).toHaveText('Cửa Lò đón khách dịp lễ');
  await expect(preview.getByTestId('preview-date')).toHaveText('Đăng ngày 24/11/2026');
  await expect(preview.getByTestId('preview-lead')).toHaveText('Cửa Lò – Hàng nghìn lượt khách đổ về bãi biển.');
  const body = preview.getByTestId('preview-body');
  await expect(body.locator('h2')).toHaveText('Bãi biển đông vui');
  await expect(body.locator('p').first()).toHaveText('Sáng nay, bãi biển Cửa Lò đón hàng nghìn lượt khách. Trời nắng đẹp.');
  const image = body.locator('figure img');
  await expect(image).toHaveAttribute('alt', 'Bãi biển đông người');
  await expect(image).toHaveAttribute('src', /^blob:/);
  await expect(image).toHaveJSProperty('naturalWidth', 640);
  // The caption is the writer's, never the camera's file name; the credit follows it.
  await expect(body.locator('figcaption')).toHaveText('Du khách tắm biển Cửa Lò — Hoàng Lan');
  await expect(body).not.toContainText('img_4426');
  // The byline closes the article, as on the portal.
  const lastLine = preview.locator('article > :last-child');
  await expect(lastLine).toHaveAttribute('data-testid', 'preview-byline');
  await expect(lastLine).toHaveText('Thanh Bình');
  await expect(preview.getByTestId('preview-issues')).toHaveCount(0);

  // Esc closes it and the text has the caret again; nothing was changed by looking.
  await page.keyboard.press('Escape');
  await expect(preview).toHaveCount(0);
  await page.keyboard.type(' Thêm.');
  await expect(editor.body.locator('p').first()).toContainText('Trời nắng đẹp. Thêm.');
});

test('the preview button opens it in English too, says what is still missing, and never follows a link', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await page.getByTestId('language').selectOption('en');
  await page.getByTestId('title-input').fill('Bài chưa xong');
  await editor.body.click();
  await page.keyboard.type('Xem thêm ');
  await page.keyboard.press(`${MOD}+KeyK`);
  await page.getByTestId('link-url').fill('https://example.org/tin');
  await page.getByTestId('link-url').press('Enter');
  await page.keyboard.type('tại đây.');
  await page.getByRole('button', { name: 'Portal preview' }).click();
  const preview = page.getByTestId('portal-preview');
  await expect(preview.getByRole('heading', { level: 2 })).toHaveText('The article as the portal will publish it');
  await expect(preview.getByTestId('preview-issues')).toContainText('to fix before submitting');
  await expect(preview).toContainText('No publish date set');
  // The article itself is the portal's, in Vietnamese whatever the interface language.
  await expect(preview.locator('article')).toHaveAttribute('lang', 'vi');
  await expect(preview.getByTestId('preview-title')).toHaveText('Bài chưa xong');
  await expect(preview.getByTestId('preview-date')).toHaveCount(0);
  const link = preview.getByTestId('preview-body').locator('a');
  await expect(link).toHaveAttribute('href', 'https://example.org/tin');
  const before = page.url();
  await link.click();
  await expect(preview).toBeVisible();
  expect(page.url()).toBe(before);
  await page.getByTestId('preview-close').click();
  await expect(preview).toHaveCount(0);
  await expect(page.getByTestId('preview-toggle')).toBeFocused();
});
