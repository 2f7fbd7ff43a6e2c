import { expect, it } from 'vitest';
import { decodeTextFile } from '../../../../src/renderer/editor/import/decodeTextFile';

const utf16be = (text: string) => {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return new Uint8Array(le);
};

it('reads UTF-8 with or without a BOM, and UTF-16 in either byte order by its BOM', () => {
  expect(decodeTextFile(new Uint8Array(Buffer.from('Cửa Lò', 'utf8')))).toBe('Cửa Lò');
  expect(decodeTextFile(new Uint8Array(Buffer.from('\ufeffCửa Lò', 'utf8')))).toBe('Cửa Lò');
  expect(decodeTextFile(new Uint8Array(Buffer.from('\ufeffCửa Lò', 'utf16le')))).toBe('Cửa Lò');
  expect(decodeTextFile(utf16be('\ufeffCửa Lò'))).toBe('Cửa Lò');
});

it('falls back to the Vietnamese Windows code page only when the bytes are not valid UTF-8', () => {
  // "Cửa Lò" in windows-1258: ư + combining hook above, o + combining grave.
  const legacy = new Uint8Array([0x43, 0xfd, 0xd2, 0x61, 0x20, 0x4c, 0x6f, 0xcc]);
  expect(decodeTextFile(legacy).normalize('NFC')).toBe('Cửa Lò');
  // Valid UTF-8 is never re-read as the code page (that would be mojibake).
  expect(decodeTextFile(new Uint8Array(Buffer.from('Nghệ An', 'utf8')))).toBe('Nghệ An');
});
