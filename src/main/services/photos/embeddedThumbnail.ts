/**
 * The JPEG thumbnail a camera embeds in a photo's EXIF (IFD1), found without decoding anything:
 * the desk's grid shows it at once and decodes the photo itself later, off the grid's path.
 * `head` is the start of the file: EXIF sits in APP1, within the first 64 KB. null when there is
 * none, or the EXIF is damaged (a damaged EXIF is never a reason to refuse the photo).
 */
export function embeddedThumbnail(head: Uint8Array): Uint8Array | null {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  let at = 2;
  while (at + 4 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1]!;
    // Start of scan or image data: no APP1 comes after it.
    if (marker === 0xda || marker === 0xd9) return null;
    const length = bytes.readUInt16BE(at + 2);
    if (length < 2) return null;
    const start = at + 4;
    const end = at + 2 + length;
    if (marker === 0xe1 && end <= bytes.length && bytes.toString('latin1', start, start + 6) === 'Exif\0\0') {
      return thumbnailInTiff(bytes.subarray(start + 6, end));
    }
    at = end;
  }
  return null;
}

function thumbnailInTiff(tiff: Buffer): Uint8Array | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (offset: number) => (little ? tiff.readUInt16LE(offset) : tiff.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? tiff.readUInt32LE(offset) : tiff.readUInt32BE(offset));
  const inside = (offset: number, size: number) => offset >= 0 && offset + size <= tiff.length;

  const ifd0 = u32(4);
  if (!inside(ifd0, 2)) return null;
  const count0 = u16(ifd0);
  const next = ifd0 + 2 + count0 * 12;
  if (!inside(next, 4)) return null;
  const ifd1 = u32(next);
  if (ifd1 === 0 || !inside(ifd1, 2)) return null;
  const count1 = u16(ifd1);
  let offset = -1;
  let length = -1;
  for (let i = 0; i < count1; i += 1) {
    const entry = ifd1 + 2 + i * 12;
    if (!inside(entry, 12)) return null;
    const tag = u16(entry);
    // SHORT or LONG, as the standard allows either.
    const value = u16(entry + 2) === 3 ? u16(entry + 8) : u32(entry + 8);
    if (tag === 0x0201) offset = value;
    else if (tag === 0x0202) length = value;
  }
  if (offset <= 0 || length <= 0 || !inside(offset, length)) return null;
  const thumb = tiff.subarray(offset, offset + length);
  // A JPEG from start to end, or nothing: a cut thumbnail would show half a photo.
  if (thumb[0] !== 0xff || thumb[1] !== 0xd8 || thumb[length - 2] !== 0xff || thumb[length - 1] !== 0xd9) return null;
  return new Uint8Array(thumb);
}
