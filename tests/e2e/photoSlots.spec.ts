import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { dropOnto } from './models/DropActions';
import { EditorPanel } from './models/EditorPanel';
import { storedArticles } from './models/PasteActions';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/articles/${name}`, import.meta.url));
const photo = (width: number) =>
  sharp({ create: { width, height: 300, channels: 3, background: { r: 90, g: 140, b: 60 } } })
    .jpeg()
    .toBuffer();
type StoredFigure = { type: string; assetId: string; caption: string; sourceName?: string };
const figuresIn = (article: { body: unknown }) =>
  (article.body as { root: { children: StoredFigure[] } }).root.children.filter((node) => node.type === 'figure');

test('the photo slots of an imported text are filled by choosing or dropping a photo; captions stay, undo empties again', async ({
  newsdesk,
  page,
  host,
}) => {
  const editor = new EditorPanel(page, host);
  await page.getByTestId('import-text-input').setInputFiles(fixture('hoi-cho-nong-san.txt'));
  // img_4426, the unnamed photo whose caption was printed twice after a paragraph, DSC01234, tttt7.
  await expect(editor.figures).toHaveCount(4);
  const slots = editor.figures.getByTestId('figure-slot');
  await expect(slots.first()).toContainText('Chưa có ảnh cho ô này');
  await expect.poll(() => editor.issueCodes()).toContain('FIGURE_PHOTO_MISSING');
  expect((await editor.issueCodes()).filter((code) => code === 'FIGURE_PHOTO_MISSING')).toHaveLength(4);
  // An empty slot is not offered as the featured photo.
  await expect(page.getByTestId('featured-select').locator('option[disabled]')).toHaveCount(4);

  // Chosen from disk: the second slot, the photo the export left unnamed; its caption stays.
  await editor.figures.nth(1).scrollIntoViewIfNeeded();
  await editor.figures.nth(1).getByTestId('figure-file-input').setInputFiles({ name: 'IMG_4427.JPG', mimeType: 'image/jpeg', buffer: await photo(640) });
  await expect(editor.figures.nth(1).getByTestId('figure-image')).toHaveJSProperty('naturalWidth', 640);
  await expect(editor.figures.nth(1).getByTestId('figure-caption')).toHaveValue('Các gian hàng trưng bày sản phẩm OCOP của địa phương');
  await expect(editor.figures.nth(1).getByTestId('figure-choose')).toHaveText('Thay ảnh…');

  // Dropped on the third slot (DSC01234): it fills the slot; no new figure appears in the text.
  const jpeg = (await photo(480)).toString('base64');
  // A figure far down the text is a light shell until it comes near the viewport.
  await editor.figures.nth(2).scrollIntoViewIfNeeded();
  await dropOnto(editor.figures.nth(2).getByTestId('figure-slot'), { files: [{ name: 'DSC01234.jpg', type: 'image/jpeg', base64: jpeg }] });
  await expect(editor.figures.nth(2).getByTestId('figure-image')).toHaveJSProperty('naturalWidth', 480);
  await expect(editor.figures).toHaveCount(4);

  // A corrupt file for the last slot is refused, translated, and the slot stays as it was.
  await editor.figures.nth(3).scrollIntoViewIfNeeded();
  await editor.figures.nth(3).getByTestId('figure-file-input').setInputFiles({ name: 'tttt7.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('not a jpeg at all') });
  await expect(editor.figures.nth(3).getByTestId('figure-photo-error')).toContainText('Không đặt được ảnh');
  await expect(editor.figures.nth(3).getByTestId('figure-image')).toHaveCount(0);

  await expect.poll(async () => (await editor.issueCodes()).filter((code) => code === 'FIGURE_PHOTO_MISSING').length).toBe(2);
  await expect
    .poll(async () => {
      const [article] = await storedArticles(page, host);
      return figuresIn(article!).map((figure) => figure.assetId !== '');
    })
    .toEqual([false, true, true, false]);
  const [article] = await storedArticles(page, host);
  const figures = figuresIn(article!);
  expect(figures.map((figure) => figure.sourceName)).toEqual(['img_4426', undefined, 'DSC01234', 'tttt7']);
  expect(figures[2]!.caption).toBe('Lãnh đạo huyện tham quan gian hàng');
  expect(JSON.stringify(article!.body)).not.toMatch(/data:|blob:/);

  // The portal preview shows the two photos and marks the empty slot.
  await page.getByTestId('preview-toggle').click();
  const preview = page.getByTestId('portal-preview');
  await expect(preview.locator('figure img')).toHaveCount(2);
  await expect(preview.locator('.nd-preview-missing')).toHaveText(['Chưa có ảnh cho ô này', 'Chưa có ảnh cho ô này']);
  await page.keyboard.press('Escape');

  // Putting a photo in is one step of undo, like any edit.
  await editor.body.getByText('Hội chợ kéo dài').click();
  await page.keyboard.press(`${MOD}+KeyZ`);
  await expect(editor.figures.nth(2).getByTestId('figure-image')).toHaveCount(0);
  await expect(editor.figures.nth(2).getByTestId('figure-slot')).toContainText('Chưa có ảnh cho ô này');
  await expect(editor.figures.nth(1).getByTestId('figure-image')).toHaveCount(1);
});
