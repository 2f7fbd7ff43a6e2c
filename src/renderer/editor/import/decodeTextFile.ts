/**
 * Text files from the old portal's export and from office PCs: UTF-8 (with or without BOM),
 * UTF-16 with BOM, or the legacy Vietnamese Windows code page. Strict UTF-8 first, so a mis-guess
 * never silently produces mojibake from a valid UTF-8 file.
 */
export function decodeTextFile(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1258').decode(bytes);
  }
}
