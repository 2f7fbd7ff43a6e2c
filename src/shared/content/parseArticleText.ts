import type { LexicalState } from '../model/Article';
import { normalizeText } from '../text/normalizeText';
import { documentOf, figureNode, paragraphNode, textNode, type SerializedBlock } from './serializedNodes';

/** A photo the text file refers to by its camera file name; the photo itself is not in the file. */
export interface PhotoSlot {
  /** The placeholder as written, e.g. `tttt1`, `IMG_4426`, `DSC01234.JPG`. */
  placeholder: string;
  caption: string;
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

function isPlaceholder(line: string): boolean {
  const match = PLACEHOLDER.exec(line);
  if (!match) return false;
  // "tttt", "img_4426", "DSC01234", "anh1.jpg" — but not a shouted acronym such as "UBND".
  return Boolean(match[1]) || /\d/.test(line) || line === line.toLowerCase();
}

function isShortLine(line: string, maxChars: number, maxWords: number): boolean {
  return line.length <= maxChars && line.split(/\s+/).length <= maxWords && !SENTENCE_END.test(line);
}

/**
 * Reads an article saved as plain text by the old portal's export (title, "Đăng ngày" date line,
 * paragraphs separated by blank lines, photo placeholders named after camera files, each
 * optionally followed by its caption, often printed twice, and the byline last, indented).
 * Never throws: whatever is not recognised stays a paragraph, so no text is lost.
 */
export function parseArticleText(raw: string): ParsedArticle {
  const lines = normalizeText(raw.replace(/^\uFEFF/, ''))
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '');

  let index = 0;
  const title = lines[index++] ?? '';
  let publishedDate: string | null = null;
  // The date line sits right under the title; look a little further in case of a kicker line.
  for (let probe = index; probe < Math.min(lines.length, index + 3); probe += 1) {
    const match = DATE_LINE.exec(lines[probe]!);
    if (!match) continue;
    publishedDate = toIsoDate(Number(match[1]), Number(match[2]), Number(match[3]));
    lines.splice(probe, 1);
    break;
  }

  let byline = '';
  const last = lines[lines.length - 1];
  if (lines.length > index && last !== undefined && isShortLine(last, 60, 6) && !isPlaceholder(last)) {
    byline = last;
    lines.pop();
  }

  const blocks: SerializedBlock[] = [];
  const paragraphs: string[] = [];
  const photos: PhotoSlot[] = [];
  while (index < lines.length) {
    const line = lines[index++]!;
    if (!isPlaceholder(line)) {
      if (lines[index] === line) {
        // A line printed twice is a caption; when it comes after the text that follows its photo,
        // it belongs to the latest photo still waiting for one.
        index += 1;
        const waiting = photos[photos.length - 1];
        if (waiting?.captionMissing) {
          const { caption, credit } = splitCredit(line);
          Object.assign(waiting, { caption, credit, captionMissing: false });
          const figureIndex = blocks.findLastIndex((block) => block.type === 'figure');
          blocks[figureIndex] = figureNode({ assetId: '', caption, alt: '', credit, sourceName: waiting.placeholder });
          continue;
        }
      }
      paragraphs.push(line);
      blocks.push(paragraphNode([textNode(line)]));
      continue;
    }
    const next = lines[index];
    let captionLine: string | null = null;
    if (next !== undefined && !isPlaceholder(next)) {
      // A caption printed twice is the strongest sign; otherwise a short line without a full stop.
      if (lines[index + 1] === next) {
        captionLine = next;
        index += 2;
      } else if (isShortLine(next, 160, 30)) {
        captionLine = next;
        index += 1;
      }
    }
    const { caption, credit } = splitCredit(captionLine ?? '');
    const slot: PhotoSlot = { placeholder: line, caption, credit, captionMissing: captionLine === null };
    photos.push(slot);
    blocks.push(
      figureNode({
        assetId: '',
        caption,
        alt: '',
        credit,
        ...(slot.captionMissing ? { captionMissing: true } : {}),
        // The file name is how the photographer finds the original: kept beside, never as, the caption.
        sourceName: line,
      }),
    );
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
