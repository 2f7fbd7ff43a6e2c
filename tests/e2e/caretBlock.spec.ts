import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { EditorPanel } from './models/EditorPanel';

const DELETE_WORD = process.platform === 'darwin' ? 'Alt+Backspace' : 'Control+Backspace';

/**
 * The block being typed in is a relayout boundary with a fixed height (CaretBlockBoundaryPlugin):
 * its height must still follow its lines as they come and go, and never outlive the caret.
 */

interface BlockLayout {
  bounded: boolean;
  lines: number;
  height: number;
  /** Its lines times the line height, plus padding and border: the height it would take unbounded. */
  natural: number;
  /** Where the block's last line of text ends, and where the next block starts. */
  textBottom: number;
  nextTop: number;
}

async function layoutOf(page: Page, index: number): Promise<BlockLayout> {
  return page.getByTestId('body-editor').evaluate((root, i) => {
    const block = root.children[i] as HTMLElement;
    const style = getComputedStyle(block);
    const range = document.createRange();
    range.selectNodeContents(block);
    const rects = [...range.getClientRects()].filter((rect) => rect.height > 0);
    const lines = new Set(rects.map((rect) => Math.round(rect.top))).size;
    const box = block.getBoundingClientRect();
    const extra = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'].reduce((sum, key) => sum + parseFloat(style[key as 'paddingTop']), 0);
    return {
      bounded: block.style.contain === 'size',
      lines,
      height: box.height,
      natural: lines * parseFloat(style.lineHeight) + extra,
      textBottom: Math.max(...rects.map((rect) => rect.bottom)),
      nextTop: block.nextElementSibling?.getBoundingClientRect().top ?? Number.POSITIVE_INFINITY,
    };
  }, index);
}

/** After a frame, so that a release or a new bound has been laid out. */
async function settled(page: Page, index: number): Promise<BlockLayout> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return layoutOf(page, index);
}

function expectFits(layout: BlockLayout): void {
  expect(layout.height, JSON.stringify(layout)).toBeCloseTo(layout.natural, 0);
  expect(layout.textBottom, JSON.stringify(layout)).toBeLessThanOrEqual(layout.nextTop + 0.5);
}

test.beforeEach(async ({ newsdesk }) => {
  await newsdesk.createArticle();
});

test('the paragraph being typed in grows and shrinks with its lines, and the next block follows it', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await editor.body.click();
  await page.keyboard.type('Cửa Lò');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn sau.');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('End');

  const start = await settled(page, 0);
  expect(start.lines).toBe(1);
  // The boundary is on while the caret is in the block: otherwise this test would prove nothing.
  await page.keyboard.type(' n');
  expect((await settled(page, 0)).bounded).toBe(true);
  expectFits(await settled(page, 0));

  // Word by word until the paragraph takes three lines; each step must fit.
  let layout = await settled(page, 0);
  for (let i = 0; layout.lines < 3 && i < 80; i += 1) {
    await page.keyboard.type(' thông tin');
    layout = await settled(page, 0);
    expectFits(layout);
  }
  expect(layout.lines).toBe(3);

  // And back: deleting word by word shrinks it line by line, with no empty line left under the text.
  for (let i = 0; layout.lines > 1 && i < 80; i += 1) {
    await page.keyboard.press(DELETE_WORD);
    layout = await settled(page, 0);
    expectFits(layout);
  }
  expect(layout.lines).toBe(1);
  await editor.expectStored((a) => JSON.stringify(a.body).includes('Cửa Lò') && !JSON.stringify(a.body).includes('contain'));
});

test('the bound follows the caret, lets go when it leaves, and follows a change of width', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await editor.body.click();
  await page.keyboard.type(`Nghệ An ${'tin tức mới '.repeat(12)}`);
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn hai.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn ba.');
  await expect.poll(async () => (await settled(page, 1)).bounded).toBe(false);

  await editor.body.locator('p').first().click();
  await page.keyboard.type('x');
  expect((await settled(page, 0)).bounded).toBe(true);
  expect((await settled(page, 2)).bounded).toBe(false);
  const wide = await settled(page, 0);
  expectFits(wide);

  // Narrower, with nothing typed: the paragraph wraps onto more lines, and its height follows.
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: Math.round(viewport.width * 0.6), height: viewport.height });
  const narrow = await settled(page, 0);
  expect(narrow.lines).toBeGreaterThan(wide.lines);
  expectFits(narrow);
  // Typing again bounds it at its new height.
  await page.keyboard.type('y');
  expect((await settled(page, 0)).bounded).toBe(true);
  expectFits(await settled(page, 0));
  await page.setViewportSize(viewport);
  expectFits(await settled(page, 0));

  // The caret leaves the editor: nothing stays bounded.
  await page.getByTestId('title-input').click();
  await expect.poll(async () => (await layoutOf(page, 0)).bounded).toBe(false);
});
