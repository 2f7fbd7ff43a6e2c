import sharp from 'sharp';
import { expect, test } from './fixtures';
import { dropOnto } from './models/DropActions';
import { EditorPanel } from './models/EditorPanel';

const HOSTILE = [
  '<meta charset="utf-8"><style>p{color:red}</style><script>alert("script")</script>',
  '<h2 style="color:red;font-family:Comic Sans MS">Tiêu đề ' + 'Nghệ An'.normalize('NFD') + '</h2>',
  '<p onclick="alert(\'click\')" style="font-size:40px;text-align:center">Đoạn có <b>chữ đậm</b> và ',
  '<a href="https://nghean.gov.vn/tin" onmouseover="alert(\'over\')">liên kết</a> và <a href="javascript:alert(\'js\')">độc</a>.</p>',
  '<img src="x" onerror="alert(\'img\')"><iframe src="https://evil.example"></iframe>',
  '<svg onload="alert(\'svg\')"><script>alert("svg script")</script><a xlink:href="javascript:alert(1)"><text>svg</text></a></svg>',
  '<ul><li>Một</li><li style="background:url(javascript:alert(\'bg\'))">Hai</li></ul>',
].join('');

test.beforeEach(async ({ newsdesk }) => {
  await newsdesk.createArticle();
});

test('dropped HTML goes through the paste pipeline: neutralised, structure kept, NFC, saved', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await editor.body.click();
  await dropOnto(editor.body, { html: HOSTILE, text: 'Tiêu đề' });

  await expect(editor.body.locator('h2')).toHaveText('Tiêu đề Nghệ An'.normalize('NFC'));
  await expect(editor.body.locator('ul > li')).toHaveText(['Một', 'Hai']);
  await expect(editor.body.locator('strong, b').filter({ hasText: 'chữ đậm' })).toHaveCount(1);
  await expect(editor.body.locator('a')).toHaveCount(1);
  await expect(editor.body.locator('a')).toHaveAttribute('href', 'https://nghean.gov.vn/tin');
  await expect(editor.body.getByText('độc', { exact: false })).toBeVisible();
  await expect(page.getByTestId('paste-notice')).toHaveAttribute('data-kind', 'imagesDropped');

  const dom = await editor.body.innerHTML();
  expect(dom).not.toMatch(/<script|<iframe|<svg|<img|<style|onerror|onclick|onload|onmouseover|javascript:|color:|font-|text-align/i);
  const text = await editor.body.innerText();
  expect(text).toBe(text.normalize('NFC'));

  await editor.expectSaved();
  await editor.expectStored((a) => JSON.stringify(a.body).includes('chữ đậm'));
  const stored = JSON.stringify((await editor.stored()).body);
  expect(stored).toBe(stored.normalize('NFC'));
  expect(stored).toContain('"tag":"h2"');
  expect(stored).toContain('"listType":"bullet"');
  expect(stored).toContain('"url":"https://nghean.gov.vn/tin"');
  expect(stored).not.toMatch(/alert|javascript:|onerror|evil\.example|"style":"[^"]|"format":"center"/i);
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(requests.filter((url) => url.includes('evil.example') || url.endsWith('/x'))).toEqual([]);
});

test('dropped plain text lands where it is dropped, NFC-normalised', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await editor.body.click();
  await page.keyboard.type('Đoạn đầu.');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đoạn cuối.');
  // Just after the first paragraph's text: the drop goes there, not to the caret at the end.
  const first = editor.body.locator('p').first();
  const box = (await first.boundingBox())!;
  const end = await first.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p);
    const rect = range.getBoundingClientRect();
    return { x: rect.right - 1, y: rect.top + rect.height / 2 };
  });
  expect(end.y).toBeLessThan(box.y + box.height);
  await dropOnto(editor.body, { text: ' Thêm Cửa Lò'.normalize('NFD') }, end);
  await expect(editor.body.locator('p')).toHaveText(['Đoạn đầu. Thêm Cửa Lò', 'Đoạn cuối.']);
  await editor.expectStored((a) => JSON.stringify(a.body).includes('Đoạn đầu. Thêm Cửa Lò'));
});

test('a dropped photo is imported like the photo button; a corrupt one and a PDF are refused with translated notices', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  const jpeg = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 200, g: 90, b: 30 } } })
    .jpeg()
    .toBuffer();
  await editor.body.click();
  await page.keyboard.type('Ảnh hiện trường:');

  const corrupt = await dropOnto(editor.body, { files: [{ name: 'hong.jpg', type: 'image/jpeg', base64: Buffer.from('JFIF but not really').toString('base64') }] });
  expect(corrupt.dragoverCancelled).toBe(true);
  await expect(page.getByTestId('photo-error')).toHaveText(
    'Không chèn được ảnh: Tệp không phải ảnh đọc được (hỏng, bị cắt cụt, định dạng không hỗ trợ hoặc quá lớn)',
  );
  await expect(editor.figures).toHaveCount(0);

  await dropOnto(editor.body, { files: [{ name: 'cong-van.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.4').toString('base64') }] });
  await expect(page.getByTestId('photo-error')).toHaveText('Không chèn được “cong-van.pdf”: chỉ chèn được ảnh JPEG, PNG, WebP hoặc GIF.');
  await expect(editor.figures).toHaveCount(0);

  await dropOnto(editor.body, { files: [{ name: 'IMG_4426.jpg', type: 'image/jpeg', base64: jpeg.toString('base64') }] });
  await expect(editor.figures).toHaveCount(1);
  await expect(editor.figures.getByTestId('figure-image')).toHaveJSProperty('naturalWidth', 640);
  await editor.expectStored((a) => a.body.root.children.some((n) => (n as { type: string }).type === 'figure'));
  const figure = (await editor.stored()).body.root.children.find((n) => (n as { type: string }).type === 'figure') as Record<string, unknown>;
  expect(figure.assetId).toMatch(/.+/);
  expect(JSON.stringify(figure)).not.toMatch(/data:|blob:/);

  // The same notices in English.
  await page.getByTestId('language').selectOption('en');
  await dropOnto(editor.body, { files: [{ name: 'cong-van.pdf', type: 'application/pdf', base64: Buffer.from('%PDF-1.4').toString('base64') }] });
  await expect(page.getByTestId('photo-error')).toHaveText('Could not insert “cong-van.pdf”: only JPEG, PNG, WebP or GIF photos can be inserted.');
  await dropOnto(editor.body, { files: [{ name: 'hong.jpg', type: 'image/jpeg', base64: Buffer.from('JFIF but not really').toString('base64') }] });
  await expect(page.getByTestId('photo-error')).toHaveText(
    'Could not insert the photo: The file is not an image we can read (damaged, cut short, unsupported or too large)',
  );
  await expect(editor.figures).toHaveCount(1);
});

test('a file dropped outside the body is taken by the page (the browser would open it in place of the app); text drops elsewhere are left alone', async ({ page, host }) => {
  const editor = new EditorPanel(page, host);
  await expect(editor.body).toBeVisible();
  // Which drag events the page cancelled: a cancelled drop is one the browser does not open.
  const outcome = (selector: string, kind: 'file' | 'text') =>
    page.evaluate(
      ({ selector, kind }) => {
        const element = document.querySelector(selector)!;
        const transfer = new DataTransfer();
        if (kind === 'file') transfer.items.add(new File(['%PDF-1.4'], 'thong-cao.pdf', { type: 'application/pdf' }));
        else transfer.setData('text/plain', 'Cửa Lò');
        const fire = (type: string) => !element.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        return { dragover: fire('dragover'), drop: fire('drop') };
      },
      { selector, kind },
    );
  expect(await outcome('[data-testid="queue-list"]', 'file')).toEqual({ dragover: true, drop: true });
  expect(await outcome('[data-testid="title-input"]', 'file')).toEqual({ dragover: true, drop: true });
  expect(await outcome('[data-testid="queue-list"]', 'text')).toEqual({ dragover: false, drop: false });
  await expect(editor.body).toBeVisible();
});
