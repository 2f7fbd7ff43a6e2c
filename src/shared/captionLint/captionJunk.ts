import type { CaptionRule } from './CaptionRule';

/**
 * What copying out of an old page or a chat leaves at the ends of a caption: bullets, dashes,
 * stray punctuation, HTML entities and tags, a leftover [caption] shortcode, an empty "(Ảnh: )",
 * a "Chú thích:" or "Ảnh 1:" label. One full stop, "…", "!" or "?" at the end, and quotes or
 * brackets around the text, are a caption's own.
 */
export const captionJunk: CaptionRule = {
  code: 'CAPTION_JUNK',
  severity: 'warning',
  field: 'caption',
  unless: ['CAPTION_MISSING', 'CAPTION_FILENAME'],
  check: (photo) => {
    const text = photo.caption.normalize('NFC').trim();
    if (LEADING.some((pattern) => pattern.test(text))) return { at: 'start' };
    if (TRAILING.some((pattern) => pattern.test(text))) return { at: 'end' };
    return false;
  },
};

const LEADING: readonly RegExp[] = [
  // Bullets, dashes, arrows and punctuation no sentence starts with.
  /^[-–—_*•·●▪■□◦►▶>»~=+#|\\/.…,;:!?)\]}]/u,
  /^[\u200b-\u200d\u2060\ufeff]/u,
  /^&(?:nbsp|amp|quot|#\d+);/iu,
  /^<\/?[a-z][^>]*>/iu,
  /^\[\/?caption\b/iu,
  // A label the old export printed before the caption ("Ảnh: Thanh Bình" alone is a credit, not junk).
  /^(?:chú thích(?: ảnh)?|caption)\s*\d{0,3}\s*[:.)-]\s*/iu,
  /^(?:ảnh|hình|h|photo|pic)\s*\d{1,3}\s*[:.)-]\s*/iu,
];

const TRAILING: readonly RegExp[] = [
  /[-–—_*•·●▪■□◦►▶<«~=+#|\\/,;:([{]$/u,
  // Doubled punctuation, except an ellipsis written as three dots.
  /(?<!\.)\.\.$|[.!?][!?]+$|[!?,;:]\.$|\.{4,}$/u,
  // A space before the closing punctuation.
  /\s[.,;:!?…]$/u,
  /[\u200b-\u200d\u2060\ufeff]$/u,
  /&(?:nbsp|amp|quot|#\d+);$/iu,
  /<\/?[a-z][^>]*>$/iu,
  /\[\/caption\]$/iu,
  // A credit left empty: "(Ảnh: )", "Ảnh:".
  /\(\s*(?:ảnh|photo)\s*:?\s*\)$/iu,
];
