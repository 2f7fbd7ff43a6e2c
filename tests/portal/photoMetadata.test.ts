// What WordPress itself reads from our portal rendition: wp_read_image_metadata (IPTC only, via
// PHP's iptcparse) fills the media item's title and caption when the upload leaves them empty,
// and stores credit, copyright and keywords in the attachment's image_meta.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PhotoMetadataService } from '../../src/main/services/photos/PhotoMetadataService';
import type { PortalPhotoFields } from '../../src/shared/model/PhotoMetadata';
import { debianWrite, halvesJpeg, plainJpeg } from '../unit/main/services/photos/debianExiftool';
import { VIETNAMESE_CAPTION } from '../unit/main/services/photos/vietnameseCaption';
import { portalSkipReason } from './harness/portalSkipReason';
import { startWordPress, type PortalUser, type WordPress } from './harness/startWordPress';

interface MediaBody {
  id: number;
  title: { raw?: string };
  caption: { raw?: string };
}
interface ImageMeta {
  title: string;
  caption: string;
  credit: string;
  copyright: string;
  keywords: string[];
  created_timestamp: string;
}

const FIELDS: PortalPhotoFields = { ...VIETNAMESE_CAPTION, gps: { present: true, position: { latitude: 18.7955, longitude: 105.7245 } } };

let wp: WordPress;
let photos: PhotoMetadataService;
let dir: string;
const skip = portalSkipReason();

/** A raw upload, as the desk will send it: the bytes as body, no caption or title in the request. */
async function upload(user: PortalUser, bytes: Uint8Array<ArrayBuffer>, filename: string): Promise<MediaBody> {
  const response = await fetch(wp.restUrl('/wp/v2/media'), {
    method: 'POST',
    headers: {
      authorization: wp.authorization(user),
      'content-type': 'image/jpeg',
      'content-disposition': `attachment; filename="${filename}"`,
    },
    body: bytes,
  });
  const body = (await response.json()) as MediaBody;
  expect(response.status, JSON.stringify(body)).toBe(201);
  return body;
}

/** The attachment's image_meta, as wp_read_image_metadata stored it (read with PHP, not REST). */
async function imageMeta(id: number): Promise<ImageMeta> {
  const out = await wp.runPhp(`<?php
require __DIR__ . '/wp-load.php';
$meta = wp_get_attachment_metadata(${id});
echo json_encode($meta['image_meta'] ?? null, JSON_UNESCAPED_UNICODE);
`);
  return JSON.parse(out) as ImageMeta;
}

describe.skipIf(skip !== null)('portal rendition metadata read by WordPress (real WordPress)', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-portal-photo-'));
    photos = new PhotoMetadataService();
    wp = await startWordPress();
  });
  afterAll(async () => {
    await wp?.stop();
    await photos?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("fills an author's upload's title, caption and image_meta from our IPTC, Vietnamese intact", async () => {
    const rendition = await photos.writePortalRendition(await halvesJpeg(1200, 800), FIELDS);
    const media = await upload(wp.users.author, rendition.bytes, 'cua-lo-hoi-nghi.jpg');
    expect(media.caption.raw).toBe(VIETNAMESE_CAPTION.caption);
    expect(media.title.raw).toBe(VIETNAMESE_CAPTION.headline);

    const meta = await imageMeta(media.id);
    expect(meta.caption).toBe(VIETNAMESE_CAPTION.caption);
    expect(meta.title).toBe(VIETNAMESE_CAPTION.headline);
    expect(meta.credit).toBe(VIETNAMESE_CAPTION.credit);
    expect(meta.copyright).toBe(VIETNAMESE_CAPTION.copyright);
    expect(meta.keywords).toEqual(VIETNAMESE_CAPTION.keywords);
    // strtotime("20240930 081500+0700"): IPTC's date and time, offset included.
    expect(Number(meta.created_timestamp)).toBe(Date.parse('2024-09-30T08:15:00+07:00') / 1000);
  });

  it('reads the by-line as credit when there is no credit', async () => {
    const rendition = await photos.writePortalRendition(await halvesJpeg(600, 400), { ...FIELDS, credit: '' });
    const media = await upload(wp.users.author, rendition.bytes, 'nguoi-chup.jpg');
    expect((await imageMeta(media.id)).credit).toBe(VIETNAMESE_CAPTION.byline);
  });

  it('control: reads nothing from a photo whose caption is in XMP only', async () => {
    const file = await plainJpeg(dir, 'xmp-only.jpg', 600, 400);
    await debianWrite(file, [`-XMP-dc:Description=${VIETNAMESE_CAPTION.caption}`, `-XMP-photoshop:Credit=${VIETNAMESE_CAPTION.credit}`]);
    const media = await upload(wp.users.author, new Uint8Array(readFileSync(file)), 'chi-co-xmp.jpg');
    expect(media.caption.raw).toBe('');
    expect((await imageMeta(media.id)).credit).toBe('');
  });
});
