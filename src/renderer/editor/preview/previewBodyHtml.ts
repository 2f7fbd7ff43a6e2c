import DOMPurify from 'dompurify';
import { lexicalToCleanHtml } from '../../../shared/content/lexicalToCleanHtml';
import type { LexicalState } from '../../../shared/model/Article';

/** What the clean HTML flavour produces, and nothing else. */
const ALLOWED_TAGS = [
  'p', 'br', 'hr', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'strong', 'em', 'u', 's', 'a',
  'figure', 'img', 'figcaption',
];
const ALIGNMENT = /^text-align:(left|center|right|justify)$/;

const purifier = DOMPurify();
// Clean HTML carries alignment as a style; any other style is not ours and goes.
purifier.addHook('uponSanitizeAttribute', (_node, data) => {
  if (data.attrName === 'style' && !ALIGNMENT.test(data.attrValue.trim())) data.keepAttr = false;
});

/**
 * The body as the portal will show it: the clean HTML of the shared converter (the same walk that
 * makes the portal's Gutenberg blocks), photos shown through the editor's `blob:` URLs. The
 * converter escapes everything it writes; the result is sanitised once more before it meets the
 * DOM, because a bug there must not become script in the app's window.
 */
export function previewBodyHtml(
  body: LexicalState,
  urlOf: (assetId: string) => string | undefined,
  /** Shown where a figure has no photo (an imported slot not filled yet): the portal would show a hole. */
  missingPhotoLabel: string,
): string {
  const html = lexicalToCleanHtml(body, { srcOf: urlOf, imageSchemes: ['blob'] });
  const fragment = purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'src', 'alt', 'start', 'style'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|blob:)/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  for (const image of Array.from(fragment.querySelectorAll('img:not([src])'))) {
    const hole = document.createElement('span');
    hole.className = 'nd-preview-missing';
    hole.textContent = missingPhotoLabel;
    image.replaceWith(hole);
  }
  const holder = document.createElement('div');
  holder.append(fragment);
  return holder.innerHTML;
}

/** "Đăng ngày 24/11/2016": the portal's own date line, in its own language and format. */
export function portalDateLine(iso: string): string {
  const date = new Intl.DateTimeFormat('vi-VN', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
  return `Đăng ngày ${date}`;
}
