import { expect, test } from './fixtures';
import { EditorPanel } from './models/EditorPanel';
import { pasteIntoBody } from './models/PasteActions';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const URL_A = 'https://nghean.gov.vn/tin';

test.beforeEach(async ({ newsdesk, page }) => {
  await newsdesk.createArticle();
  await page.getByTestId('body-editor').click();
  await pasteIntoBody(page, { html: `<p>Xem <a href="${URL_A}">cổng tin</a> hôm nay.</p>`, text: 'Xem cổng tin hôm nay.' });
  await expect(page.getByTestId('body-editor').locator('a')).toHaveAttribute('href', URL_A);
});

test('clicking a link shows its address anchored to it, navigates nowhere, and Edit changes it', async ({ page, host, context }) => {
  const editor = new EditorPanel(page, host);
  const link = editor.body.locator('a');
  const before = page.url();
  const popups: string[] = [];
  context.on('page', (opened) => popups.push(opened.url()));
  const outbound: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('nghean.gov.vn')) outbound.push(request.url());
  });

  // Whether the app cancelled each click's default action (a link's is to navigate), seen after it.
  await page.evaluate(() => {
    const seen: boolean[] = [];
    (window as unknown as { __linkClicks: boolean[] }).__linkClicks = seen;
    for (const type of ['click', 'auxclick']) {
      document.addEventListener(type, (event) => {
        if ((event.target as Element).closest?.('a')) seen.push(event.defaultPrevented);
      });
    }
  });
  await link.click();
  const popover = page.getByTestId('link-popover');
  await expect(popover).toHaveAttribute('data-mode', 'view');
  await expect(page.getByTestId('link-current')).toHaveText(URL_A);
  await expect(page.getByTestId('link-edit')).toHaveText('Sửa');
  await expect(page.getByTestId('link-remove')).toHaveText('Bỏ liên kết');
  // Anchored to the link: just below it, starting where it starts.
  const linkBox = (await link.boundingBox())!;
  const popBox = (await popover.boundingBox())!;
  expect(popBox.y).toBeGreaterThanOrEqual(linkBox.y + linkBox.height - 1);
  expect(popBox.y).toBeLessThan(linkBox.y + linkBox.height + 30);
  expect(Math.abs(popBox.x - linkBox.x)).toBeLessThan(4);
  // The caret stays in the text.
  await expect(editor.body).toBeFocused();

  // No kind of click on it leaves the app or opens anything.
  await link.click({ modifiers: [MOD] });
  await link.click({ modifiers: ['Shift'] });
  await link.click({ button: 'middle' });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(popups).toEqual([]);
  expect(outbound).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __linkClicks: boolean[] }).__linkClicks)).toEqual([true, true, true, true]);

  await link.click();
  await page.getByTestId('link-edit').click();
  const url = page.getByTestId('link-url');
  await expect(url).toBeFocused();
  await expect(url).toHaveValue(URL_A);
  await url.fill('javascript:alert(1)');
  await url.press('Enter');
  await expect(page.getByTestId('link-invalid')).toHaveText('Chỉ chấp nhận liên kết http://, https:// hoặc mailto:');
  await expect(link).toHaveAttribute('href', URL_A);
  await url.fill('nghean.gov.vn/moi');
  await url.press('Enter');
  await expect(popover).toHaveCount(0);
  await expect(link).toHaveAttribute('href', 'https://nghean.gov.vn/moi');
  await expect(link).toHaveText('cổng tin');
  await expect(editor.body).toBeFocused();
  await editor.expectStored((a) => JSON.stringify(a.body).includes('"url":"https://nghean.gov.vn/moi"'));
});

test('Esc closes the bubble and returns to the text; Ctrl+K in a link edits it; Remove keeps the text', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  const link = editor.body.locator('a');
  const popover = page.getByTestId('link-popover');

  await link.click();
  await expect(popover).toHaveAttribute('data-mode', 'view');
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(editor.body).toBeFocused();

  // The caret in the link (no selection) and Ctrl+K: straight to editing its address.
  await page.keyboard.press(`${MOD}+k`);
  await expect(popover).toHaveAttribute('data-mode', 'edit');
  await expect(page.getByTestId('link-url')).toBeFocused();
  await expect(page.getByTestId('link-url')).toHaveValue(URL_A);
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(editor.body).toBeFocused();
  // Focus is back in the text, at the caret: typing goes on there.
  await page.keyboard.type('X');
  await expect(link).toContainText('X');
  await expect(link).toHaveAttribute('href', URL_A);
  await page.keyboard.press('Backspace');
  await expect(link).toHaveText('cổng tin');

  // Moving the caret out of the link takes the bubble away.
  await link.click();
  await expect(popover).toHaveAttribute('data-mode', 'view');
  await page.keyboard.press('End');
  await expect(popover).toHaveCount(0);

  await link.click();
  await page.getByTestId('link-remove').click();
  await expect(editor.body.locator('a')).toHaveCount(0);
  await expect(editor.body.locator('p')).toContainText('cổng tin');
  await editor.expectStored((a) => !JSON.stringify(a.body).includes('"type":"link"') && JSON.stringify(a.body).includes('cổng tin'));

  // In English too.
  await page.getByTestId('language').selectOption('en');
  await editor.body.locator('p').click();
  await page.keyboard.press(`${MOD}+k`);
  await page.getByTestId('link-url').fill('javascript:alert(1)');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('link-invalid')).toHaveText('Only http://, https:// and mailto: links are allowed');
  await page.getByTestId('link-url').fill('mailto:toasoan@example.vn');
  await page.keyboard.press('Enter');
  await editor.body.locator('a').click();
  await expect(page.getByTestId('link-edit')).toHaveText('Edit');
  await expect(page.getByTestId('link-remove')).toHaveText('Remove link');
});

test('in focus mode, Esc closes the link bubble first and leaves focus mode only on the next Esc', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  const popover = page.getByTestId('link-popover');
  await page.keyboard.press(`${MOD}+Shift+Enter`);
  await expect(page.locator('html')).toHaveClass(/nd-focus-mode/);
  await editor.body.locator('a').click();
  await expect(popover).toHaveAttribute('data-mode', 'view');
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
  await expect(page.locator('html')).toHaveClass(/nd-focus-mode/);
  await page.keyboard.press('Escape');
  await expect(page.locator('html')).not.toHaveClass(/nd-focus-mode/);
});
