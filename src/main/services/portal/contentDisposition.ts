/**
 * The `Content-Disposition` of a raw-body upload to `/wp/v2/media`. WordPress 6.1 reads only the
 * plain `filename` (get_filename_from_disposition ignores `filename*` and splits on `;` and `=`),
 * so that is an ASCII form of the name that survives its parser: "Cửa Lò.jpg" → "Cua-Lo.jpg".
 * The RFC 5987 `filename*` carries the Vietnamese name for servers and proxies that read it.
 */
export function contentDisposition(filename: string): string {
  const name = filename.normalize('NFC');
  const fallback = asciiFilename(name);
  if (fallback === name) return `attachment; filename="${fallback}"`;
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

function asciiFilename(name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = toAscii(dot > 0 ? name.slice(0, dot) : name);
  const extension = dot > 0 ? toAscii(name.slice(dot + 1)) : '';
  // A name with no Latin letters at all ("照片.jpg") keeps its extension, which WordPress checks.
  return `${stem === '' ? 'upload' : stem}${extension === '' ? '' : `.${extension}`}`;
}

function toAscii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 5987's attr-char does not allow them.
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
