import { CAPTION_LIMITS } from '../captionLint/CaptionRule';
import { looksLikeFileName } from '../captionLint/looksLikeFileName';
import type { LexicalState } from '../model/Article';
import { comparableText } from '../text/comparableText';
import { normalizeText } from '../text/normalizeText';
import { wordOverlap } from '../text/wordOverlap';
import { documentOf, figureNode, paragraphNode, textNode, type SerializedBlock } from './serializedNodes';

/** A photo the text file refers to by its camera file name; the photo itself is not in the file. */
export interface PhotoSlot {
  /**
   * The placeholder as written, e.g. `tttt1`, `IMG_4426`, `DSC01234.JPG`; '' for a photo the file
   * shows only by its caption printed twice (the export left its name out).
   */
  placeholder: string;
  caption: string;
  /** The caption's second wording, when the file printed it twice in two wordings; else ''. */
  alt: string;
  credit: string;
  /** No caption line followed the placeholder: the slot is flagged until someone writes one. */
  captionMissing: boolean;
}

export interface ParsedArticle {
  title: string;
  /** `YYYY-MM-DD` from the "Đăng ngày DD/MM/YYYY" line, or null when absent or not a real date. */
  publishedDate: string | null;
  /** Always empty for now: plain text carries no mark of the sapo, and guessing would move body text. */
  lead: string;
  paragraphs: string[];
  photos: PhotoSlot[];
  byline: string;
  /** Paragraphs and photo slots in file order. */
  body: LexicalState;
}

const DATE_LINE = /^(?:Đăng|Cập nhật)\s+ngày[:\s]+(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/iu;
/** Camera and scanner file names: ASCII, one token, optionally with an image extension. */
const PLACEHOLDER = /^[A-Za-z0-9_-]{1,24}(\.(?:jpe?g|png|gif|heic|tiff?|webp|cr2|nef))?$/i;
const CREDIT_SUFFIX = /\s*\((?:Ảnh|Ảnh:|Photo)\s*:?\s*([^)]+)\)\s*$/iu;
const SENTENCE_END = /[.!?…:;]["”»)]?$/u;
/**
 * Two lines next to each other that share half their words (Dice) are one caption in two
 * wordings: "Quang cảnh hội nghị" and "Toàn cảnh hội nghị" score 0.75; a caption and the short
 * paragraph that follows it ("Hội nghị kết thúc lúc 11 giờ cùng ngày") about 0.3.
 */
const TWO_WORDINGS_MIN = 0.5;

/** One non-empty line of the file, with its spacing collapsed. */
interface Line {
  text: string;
  /** The line began with spaces or a tab: the old export indents a caption's second printing. */
  indented: boolean;
}

function isPlaceholder(line: string): boolean {
  // Any name the caption lint calls a file name ("Ảnh chụp màn hình (3)", "IMG 4426") stands for a photo.
  if (looksLikeFileName(line)) return true;
  const match = PLACEHOLDER.exec(line);
  if (!match) return false;
  // "tttt", "img_4426", "DSC01234", "anh1.jpg" — but not a shouted acronym such as "UBND".
  return Boolean(match[1]) || /\d/.test(line) || line === line.toLowerCase();
}

function isShortLine(line: string, maxChars: number, maxWords: number): boolean {
  return line.length <= maxChars && line.split(/\s+/).length <= maxWords && !SENTENCE_END.test(line);
}

/** A caption printed twice, read as one: the caption, its other wording (or ''), its credit. */
interface PrintedTwice {
  caption: string;
  alt: string;
  credit: string;
}

/**
 * The shape the old portal's pages take: a caption printed twice, once plain and once indented,
 * the same words or two wordings of them (the second wording becomes the alt text). Under a
 * photo's placeholder, identical lines (compared folded, punctuation aside) of up to a caption's
 * length; elsewhere, and for two wordings, only lines short enough to be captions: a paragraph
 * printed twice by mistake stays two paragraphs.
 */
function printedTwiceAt(lines: readonly Line[], at: number, underPhoto: boolean): PrintedTwice | null {
  let first = lines[at];
  let second = lines[at + 1];
  if (!first || !second || isPlaceholder(first.text) || isPlaceholder(second.text)) return null;
  // The plain printing is the caption, the indented one its repeat, whichever comes first.
  if (first.indented && !second.indented) [first, second] = [second, first];
  const plain = splitCredit(first.text);
  const again = splitCredit(second.text);
  const credit = plain.credit || again.credit;
  const captionLike = (line: Line) => line.text.length <= 160 && line.text.split(' ').length <= 30;
  const words = comparableText(plain.caption);
  // Two rules of dashes or stars are a separator, not a caption.
  if (words === '') return null;
  if (words === comparableText(again.caption)) {
    const fits = underPhoto ? plain.caption.length <= CAPTION_LIMITS.captionMax : captionLike(first);
    return fits ? { caption: plain.caption, alt: '', credit } : null;
  }
  if (!captionLike(first) || !captionLike(second)) return null;
  if (wordOverlap(plain.caption, again.caption) < TWO_WORDINGS_MIN) return null;
  return { caption: plain.caption, alt: again.caption, credit };
}

/**
 * Reads an article saved as plain text by the old portal's export (title, "Đăng ngày" date line,
 * paragraphs separated by blank lines, photo placeholders named after camera files, each
 * optionally followed by its caption, often printed twice, and the byline last, indented).
 * A caption belongs to the placeholder right above it and is never carried across a paragraph;
 * a caption printed twice with no placeholder above is a photo of its own whose name the export
 * left out. Never throws: whatever is not recognised stays a paragraph, so no text is lost.
 */
export function parseArticleText(raw: string): ParsedArticle {
  const lines: Line[] = normalizeText(raw.replace(/^\uFEFF/, ''))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => ({ text: line.replace(/\s+/gu, ' ').trim(), indented: /^(?:\t|\s{2,})/u.test(line) }))
    .filter((line) => line.text !== '');

  let index = 0;
  const title = lines[index++]?.text ?? '';
  let publishedDate: string | null = null;
  // The date line sits right under the title; look a little further in case of a kicker line.
  for (let probe = index; probe < Math.min(lines.length, index + 3); probe += 1) {
    const match = DATE_LINE.exec(lines[probe]!.text);
    if (!match) continue;
    publishedDate = toIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    lines.splice(probe, 1);
    break;
  }

  let byline = '';
  const last = lines[lines.length - 1]?.text;
  // A short last line is the byline, unless it is the second printing of a caption.
  const beforeLast = lines[lines.length - 2]?.text ?? '';
  const repeat = last !== undefined && comparableText(last) === comparableText(beforeLast);
  if (lines.length > index && last !== undefined && isShortLine(last, 60, 6) && !isPlaceholder(last) && !repeat) {
    byline = last;
    lines.pop();
  }

  const blocks: SerializedBlock[] = [];
  const paragraphs: string[] = [];
  const photos: PhotoSlot[] = [];
  const addPhoto = (slot: PhotoSlot) => {
    photos.push(slot);
    blocks.push(
      figureNode({
        assetId: '',
        caption: slot.caption,
        alt: slot.alt,
        credit: slot.credit,
        ...(slot.captionMissing ? { captionMissing: true } : {}),
        // The file name is how the photographer finds the original: kept beside, never as, the caption.
        sourceName: slot.placeholder,
      }),
    );
  };
  while (index < lines.length) {
    const line = lines[index]!.text;
    if (isPlaceholder(line)) {
      index += 1;
      // The caption is the line right under the photo, never one further on: a caption is not
      // carried across a paragraph to a photo it does not stand with.
      const twice = printedTwiceAt(lines, index, true);
      const next = lines[index]?.text;
      if (twice) {
        index += 2;
        addPhoto({ placeholder: line, ...twice, captionMissing: false });
      } else if (next !== undefined && !isPlaceholder(next) && isShortLine(next, 160, 30)) {
        index += 1;
        addPhoto({ placeholder: line, ...splitCredit(next), alt: '', captionMissing: false });
      } else {
        addPhoto({ placeholder: line, caption: '', alt: '', credit: '', captionMissing: true });
      }
      continue;
    }
    // A caption printed twice where no placeholder stands: a photo whose name the export left
    // out. One photo with its caption, never two paragraphs, and never another photo's caption.
    const twice = printedTwiceAt(lines, index, false);
    if (twice) {
      index += 2;
      addPhoto({ placeholder: '', ...twice, captionMissing: false });
      continue;
    }
    index += 1;
    paragraphs.push(line);
    blocks.push(paragraphNode([textNode(line)]));
  }
  if (blocks.length === 0) blocks.push(paragraphNode([]));
  return { title, publishedDate, lead: '', paragraphs, photos, byline, body: documentOf(blocks) as unknown as LexicalState };
}

function splitCredit(line: string): { caption: string; credit: string } {
  const match = CREDIT_SUFFIX.exec(line);
  if (!match) return { caption: line, credit: '' };
  return { caption: line.slice(0, match.index).trim(), credit: match[1]!.trim() };
}

function toIsoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
