import { foldVietnamese } from '../text/foldVietnamese';

/**
 * True when a caption is the name a device, an app or a hurried person gave the file rather than
 * words about the photo: "IMG_4426", "IMG-20170728-WA0003", "DSCN1234", "P1010123", "tttt1",
 * "photo1.jpg", "Ảnh chụp màn hình 2023-05-01 lúc 10.20.30", "image (3)", "Bản sao của DSC_0012".
 * Photographers' tools put the file name in the caption, and the old portal published hundreds.
 *
 * Generous on purpose, and safe for real captions because every pattern is anchored to the whole
 * caption: a caption is words separated by spaces, a machine name is one token, and the phrases
 * people and apps use ("Screenshot", "Ảnh chụp màn hình", "image") are matched only when nothing
 * but a number or a date follows them. The tests hold 30+ real Vietnamese captions that must pass.
 */
export function looksLikeFileName(caption: string): boolean {
  const text = caption.normalize('NFC').replace(INVISIBLE, '').trim();
  if (text === '' || text.length > 200) return false;
  // Whatever its stem ("anh bien.jpg", "Quang cảnh hội nghị.JPG"), a name with a photo extension
  // is a file name.
  if (EXTENSION.test(text)) return true;
  const lower = stripCopyMarks(text.toLowerCase());
  if (lower === '') return true;
  if (isMachineToken(lower) || KEYBOARD_MASH.some((pattern) => pattern.test(lower))) return true;
  // Vietnamese default names are written with and without marks ("Ảnh chụp màn hình", "anh chup
  // man hinh"): compare folded.
  return DEFAULT_NAME.test(stripCopyMarks(foldVietnamese(lower)));
}

/** Zero-width characters and the BOM: pasted captions carry them and they hide a match. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/** Photo, raw, editor and the odd video/PDF extension a caption field ends up holding. */
const EXTENSION =
  /\.(?:jpe?g|jpe|jfif|pjpeg|png|apng|gif|bmp|dib|tiff?|heic|heif|hif|webp|avif|jxl|jp2|dng|cr2|cr3|crw|nef|nrw|arw|srf|sr2|raf|orf|rw2|pef|srw|x3f|raw|psd|psb|xcf|kra|svg|ico|mp4|mov|pdf)$/i;

/**
 * Marks that copying, downloading, editing and WordPress add to a name, stripped (repeatedly)
 * before judging what is left: "IMG_4426 - Copy (2)", "Copy of DSC_0012", "Bản sao của IMG_4426",
 * "image (3)", "PXL_20240501_083012345~2", "IMG_4426-1024x683", "img-4426-scaled", "IMG_4426_HDR".
 */
const COPY_MARKS: readonly RegExp[] = [
  /^(?:copy of|bản sao của|ban sao cua|bản sao|ban sao)\s+/,
  /\s*[-_ ]\s*(?:copy|bản sao|ban sao)(?:\s*\(?\d{1,3}\)?)?$/,
  /\s*[([]\s*(?:\d{1,3}|edited|copy|bản sao|ban sao)\s*[)\]]$/,
  /~\d{1,3}$/,
  /[-_.](?:\d{2,5}x\d{2,5}|scaled|rotated|e\d{10,13}|edited|edit|min|compressed|resized|small|large|thumb|hdr|burst\d*|cover|bokeh|portrait|night|pano|mp|sharpened|retouched)$/,
];

function stripCopyMarks(name: string): string {
  let current = name;
  for (;;) {
    const next = COPY_MARKS.reduce((text, pattern) => text.replace(pattern, ''), current).trim();
    if (next === current) return current;
    current = next;
  }
}

/**
 * One token of ASCII name characters with three digits or more: every camera's and phone's
 * numbering (IMG_4426, DSC_0012, DSCN1234, DSCF0042, P1010123, _MG_1234, GOPR0001, DJI_0001,
 * PXL_20240501_083012345, IMG_20170728_091500, 20170728_091500), messaging exports
 * (IMG-20170728-WA0003, received_123456789012345, FB_IMG_1500000000000, viber_image_2023-05-01…,
 * photo_2023-05-01_10-20-30, z4360123456789_4f2b…, mmexport1500000000000), screenshots
 * (Screenshot_20170728-091500…_com.zing.zalo) and scanners (scan0001, CCI07282017_00001).
 * A real caption has spaces between its words, so no caption is one such token; a date and a
 * time alone ("2017-07-28 09.15.00") are no caption either.
 */
function isMachineToken(name: string): boolean {
  const digits = name.match(/\d/g)?.length ?? 0;
  // A date and a time alone, as some phones and scanners name files: "2017-07-28 09.15.00".
  if (/^[\d\s._:-]+$/.test(name) && digits >= 6) return true;
  return /^[a-z0-9._~+()-]+$/.test(name) && digits >= 3;
}

/**
 * Keyboard mash and placeholders typed in a hurry: "tttt", "tttt1", "aaa", "xx2", "a1", "asdf",
 * "qwerty", "abc", "test1", "1", "01". Not two letters alone: "PV", "TT" are bylines and
 * abbreviations.
 */
const KEYBOARD_MASH: readonly RegExp[] = [
  /^([a-z])\1{2,}\d*$/,
  /^[a-z]{1,2}\d{1,3}$/,
  /^\d{1,2}$/,
  /^(?:asdf?g?h?j?k?l?|sdf|dfg|fgh|ghj|hjkl?|jkl|qwe(?:r(?:ty?)?)?|zxcv?b?n?m?|abcd?e?f?|xyz|test|demo|sample|temp|tmp)[-_]?\d*$/,
];

/**
 * The names apps, editors and people give a file, in English and Vietnamese, folded, each alone
 * or followed only by a number, a date or a time ("Screenshot 2023-05-01 at 10.20.30", "Ảnh chụp
 * màn hình (12)", "WhatsApp Image 2017-07-28 at 09.15.00", "Untitled design", "hinh 2", "anh1").
 */
const DEFAULT_NAMES = [
  // Cameras' prefixes, with a space instead of the underscore.
  'img',
  'image',
  'images',
  'imag',
  'dsc',
  'dscn',
  'dscf',
  'dsci',
  'pict',
  'pic',
  'pics',
  'cimg',
  'dji',
  'gopr',
  'pxl',
  'mvimg',
  'vid',
  'pano',
  'photo',
  'photos',
  'picture',
  'pictures',
  // Screenshot tools.
  'screenshot',
  'screen shot',
  'screen capture',
  'screencap',
  'capture',
  'snip',
  'snipping',
  'snapshot',
  'clipboard',
  'pasted image',
  'pasted graphic',
  'anh chup man hinh',
  'anh man hinh',
  'chup man hinh',
  'hinh chup man hinh',
  // Messaging apps' exports.
  'whatsapp image',
  'whatsapp',
  'zalo',
  'zalo image',
  'anh zalo',
  'messenger',
  'received',
  'viber image',
  'viber',
  'telegram',
  'fb img',
  'image from ios',
  // Scanners.
  'scan',
  'scanned',
  'scanned document',
  'scanned image',
  'camscanner',
  'document',
  'doc',
  'tai lieu',
  // Editors, design tools, office suites and browsers.
  'untitled',
  'untitled design',
  'thiet ke chua co ten',
  'chua co tieu de',
  'khong co tieu de',
  'chua dat ten',
  'chua co ten',
  'khong ten',
  'ko ten',
  'noname',
  'no name',
  'unnamed',
  'new',
  'new bitmap image',
  'bitmap',
  'frame',
  'artboard',
  'layer',
  'group',
  'slide',
  'page',
  'download',
  'tai xuong',
  'tai ve',
  'maxresdefault',
  'hqdefault',
  'sddefault',
  'mqdefault',
  'default',
  'thumbnail',
  'thumb',
  'placeholder',
  'final',
  'edit',
  'edited',
  'export',
  'output',
  'copy',
  'ban sao',
  // People in a hurry.
  'anh',
  'hinh',
  'hinh anh',
  'anh chup',
  'hinh chup',
];

const DEFAULT_NAME = new RegExp(
  `^(?:${DEFAULT_NAMES.map((name) => name.replace(/ /g, '[\\s_-]+')).join('|')})` +
    // The tail: nothing, or only numbers, dates and times with their words ("at", "lúc", AM/PM,
    // SA/CH) and WhatsApp's "WA0003"; never words ("Ảnh 1: Quang cảnh hội nghị" is a caption).
    '(?:[\\s_.-]*(?:wa)?\\d(?:[\\d\\s._:,/-]|at|luc|am|pm|sa|ch|wa)*)?$',
);
