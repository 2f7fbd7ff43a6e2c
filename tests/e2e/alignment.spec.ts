import { expect, test } from './fixtures';
import { EditorPanel } from './models/EditorPanel';
import { pasteIntoBody } from './models/PasteActions';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
type Block = { type: string; format?: string; tag?: string };
const blocks = (article: { body: { root: { children: unknown[] } } }) => article.body.root.children as Block[];

test.beforeEach(async ({ newsdesk }) => {
  await newsdesk.createArticle();
});

test('paragraphs and headings are aligned from the toolbar and with Ctrl+Shift+L/E/R, and stored', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await editor.body.click();
  await page.keyboard.type('Tiêu đề mục');
  await page.getByTestId('block-type').selectOption('h2');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ảnh: Thanh Bình');
  await expect(editor.tool('Căn trái')).toHaveAttribute('aria-pressed', 'true');

  await editor.tool('Căn giữa').click();
  await expect(editor.body.locator('p')).toHaveCSS('text-align', 'center');
  await expect(editor.tool('Căn giữa')).toHaveAttribute('aria-pressed', 'true');
  await expect(editor.tool('Căn giữa')).toHaveAttribute('title', 'Căn giữa (Ctrl+Shift+E)');
  await editor.expectStored((a) => blocks(a)[1]?.format === 'center');

  // A marker on the window: Ctrl+Shift+R must align, not reload the page.
  await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press(`${MOD}+Shift+R`);
  await expect(editor.body.locator('h2')).toHaveCSS('text-align', 'right');
  await expect(editor.tool('Căn phải')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
  await editor.expectStored((a) => blocks(a)[0]?.type === 'heading' && blocks(a)[0]?.format === 'right');

  await page.keyboard.press(`${MOD}+Shift+E`);
  await expect(editor.body.locator('h2')).toHaveCSS('text-align', 'center');
  await page.keyboard.press(`${MOD}+Shift+L`);
  await expect(editor.body.locator('h2')).not.toHaveAttribute('style', /text-align/);
  await editor.expectStored((a) => blocks(a)[0]?.format === '' && blocks(a)[1]?.format === 'center');

  // Alignment is kept when the page is opened again (it came from the store, not the DOM).
  await page.reload();
  await page.getByTestId('article-row').first().click();
  await expect(editor.body.locator('p')).toHaveCSS('text-align', 'center');
});

test('lists cannot be aligned, and pasted alignment is dropped', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await editor.body.click();
  await page.keyboard.type('- mục một');
  await expect(editor.body.locator('ul > li')).toHaveCount(1);
  await expect(editor.tool('Căn giữa')).toBeDisabled();
  await page.keyboard.press(`${MOD}+Shift+E`);
  await expect(editor.body.locator('ul, li').first()).not.toHaveAttribute('style', /text-align/);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await pasteIntoBody(page, { html: '<p style="text-align:center" align="center" class="has-text-align-center">Dòng giữa từ Word</p>', text: 'Dòng giữa từ Word' });
  await expect(editor.body.getByText('Dòng giữa từ Word')).toBeVisible();
  await editor.expectSaved();
  await editor.expectStored((a) => JSON.stringify(a.body).includes('Dòng giữa từ Word'));
  const stored = await editor.stored();
  expect(JSON.stringify(stored.body)).not.toMatch(/"format":"(center|right|left|justify)"/);
  await expect(editor.body.locator('[style*="text-align"]')).toHaveCount(0);
});
