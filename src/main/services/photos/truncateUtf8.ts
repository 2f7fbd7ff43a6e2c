const encoder = new TextEncoder();
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/**
 * The longest prefix of `text` whose UTF-8 form fits in `maxBytes`, cut between user-perceived
 * characters. Cutting bytes instead leaves a broken UTF-8 sequence at the end, and WordPress
 * (seems_utf8 → utf8_encode) then mangles the whole field; cutting code points can still part a
 * base letter from a combining tone mark when the text came in decomposed.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (encoder.encode(text).byteLength <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(text)) {
    const size = encoder.encode(segment).byteLength;
    if (bytes + size > maxBytes) break;
    bytes += size;
    end = index + segment.length;
  }
  return text.slice(0, end);
}
