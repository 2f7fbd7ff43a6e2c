import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const EXIFTOOL = '/usr/bin/exiftool';

/** A real JPEG, its pixels and size differing per `seed` (so each has its own content hash). */
async function jpeg(seed: number, width = 640, height = 427): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: (seed * 53) % 255, g: (seed * 97) % 255, b: 120 } } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/** The same JPEG with a caption written into it by Debian's exiftool (IPTC as UTF-8, and XMP). */
function withCaption(dir: string, name: string, bytes: Buffer, caption: string): Buffer {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  execFileSync(EXIFTOOL, ['-q', '-overwrite_original', '-charset', 'iptc=utf8', '-IPTC:CodedCharacterSet=UTF8', `-IPTC:Caption-Abstract=${caption}`, `-XMP-dc:Description=${caption}`, file]);
  return readFileSync(file);
}

test.skip(!existsSync(EXIFTOOL), `${EXIFTOOL} is missing (apt-get install libimage-exiftool-perl)`);

test('the photo desk: import real files, see thumbnails, caption with the keyboard, lint warns, re-import adds nothing, a corrupt file is refused', async ({
  newsdesk,
  page,
  host,
}) => {
  void newsdesk;
  const scratch = join(host.dataDir, '..', `${host.dataDir.split('/').pop()}-fixtures`);
  mkdirSync(scratch, { recursive: true });
  const vietnamese = withCaption(scratch, 'DSC_0001.jpg', await jpeg(1), 'Điểm cầu tại Sở Thông tin và Truyền thông tỉnh Nghệ An');
  const cameraName = withCaption(scratch, 'IMG_4426.jpg', await jpeg(2), 'IMG_4426');
  const plain = await jpeg(3);
  const good = await jpeg(4);
  const corrupt = good.subarray(0, Math.floor(good.length / 2));
  const files = [
    { name: 'DSC_0001.jpg', mimeType: 'image/jpeg', buffer: vietnamese },
    { name: 'IMG_4426.jpg', mimeType: 'image/jpeg', buffer: cameraName },
    { name: 'P1010003.jpg', mimeType: 'image/jpeg', buffer: plain },
    { name: 'hong.jpg', mimeType: 'image/jpeg', buffer: corrupt },
  ];

  await page.getByTestId('view-photos').click();
  await expect(page.getByTestId('photo-desk')).toBeVisible();
  await page.getByTestId('photo-import-input').setInputFiles(files);

  const summary = page.getByTestId('photo-import-summary');
  await expect(summary).toContainText('Đã nhập 3 ảnh, 0 ảnh đã có sẵn, 1 tệp bị từ chối');
  await expect(page.getByTestId('photo-refused')).toContainText('hong.jpg: tệp hỏng hoặc không phải là ảnh');
  const cells = page.getByTestId('photo-cell');
  await expect(cells).toHaveCount(3);
  // Every thumbnail is a decoded image from the service, not a placeholder.
  for (const index of [0, 1, 2]) {
    await expect.poll(() => cells.nth(index).locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }

  // The Vietnamese IPTC caption came out right, prefilled.
  const caption = page.getByTestId('photo-caption');
  await expect(caption).toHaveValue('Điểm cầu tại Sở Thông tin và Truyền thông tỉnh Nghệ An');

  // Keyboard only: into the grid, to the second photo, typing goes to its form.
  await page.getByTestId('photo-grid').focus();
  await page.keyboard.press('ArrowRight');
  await expect(caption).toHaveValue('IMG_4426');
  await expect(page.getByTestId('lint-CAPTION_FILENAME')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(caption).toBeFocused();
  await page.keyboard.press(`${MOD}+A`);
  await page.keyboard.type('Người dân Cửa Lò dọn vệ sinh bãi biển sáng chủ nhật');
  await expect(page.getByTestId('lint-CAPTION_FILENAME')).toHaveCount(0);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hàng chục người cầm chổi trên bãi cát');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Ảnh: Minh Châu');
  // Apply and go on to the next photo, whose caption field has the focus: type its caption at once.
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(page.getByTestId('photo-caption')).toHaveValue('');
  await expect(caption).toBeFocused();
  await page.keyboard.type('img_0003');
  await expect(page.getByTestId('lint-CAPTION_FILENAME')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('photo-grid')).toBeFocused();

  // What was saved is on disk, in the service's record.
  await expect
    .poll(async () => {
      const response = await page.request.post(`${host.origin}/api/photos.list`, {
        headers: { 'x-newsdesk-token': host.token, 'content-type': 'application/json' },
        data: {},
      });
      const list = ((await response.json()) as { value: unknown }).value as { name: string; fields: { caption: string; alt: string; credit: string } }[];
      return list.map((photo) => [photo.name, photo.fields.caption, photo.fields.credit]);
    })
    .toEqual([
      ['DSC_0001.jpg', 'Điểm cầu tại Sở Thông tin và Truyền thông tỉnh Nghệ An', ''],
      ['IMG_4426.jpg', 'Người dân Cửa Lò dọn vệ sinh bãi biển sáng chủ nhật', 'Ảnh: Minh Châu'],
      ['P1010003.jpg', 'img_0003', ''],
    ]);

  // The camera-name filter: the photo whose caption is still a file name needs one.
  await page.getByTestId('filter-needs-caption').check();
  await expect(cells).toHaveCount(1);
  await expect(cells.first()).toHaveAttribute('data-photo-name', 'P1010003.jpg');
  await page.getByTestId('filter-needs-caption').uncheck();

  // Re-importing the same card adds nothing.
  await page.getByTestId('photo-import-input').setInputFiles(files);
  await expect(summary).toContainText('Đã nhập 0 ảnh, 3 ảnh đã có sẵn, 1 tệp bị từ chối');
  await expect(cells).toHaveCount(3);
  expect(readdirSync(join(host.dataDir, 'photos')).filter((entry) => !entry.startsWith('.'))).toHaveLength(3);
});
