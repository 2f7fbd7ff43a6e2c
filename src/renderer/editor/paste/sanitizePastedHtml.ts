import DOMPurify from 'dompurify';
import { normalizeOfficeMarkup } from './normalizeOfficeMarkup';

export interface SanitizedPaste {
  /** A detached <body> holding only allowed elements, NFC text; ready for $generateNodesFromDOM. */
  body: HTMLElement;
  /** Pasted images are never hotlinked or embedded as data: the writer is told to insert them. */
  droppedImages: number;
}

const ALLOWED_TAGS = [
  'p', 'div', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote',
  'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'a',
];
/** Content that must vanish with its element (scripts, styles, embedded documents, SVG, forms). */
const FORBID_CONTENTS = [
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'iframe', 'frame', 'frameset',
  'object', 'embed', 'applet', 'svg', 'math', 'head', 'title', 'xml', 'video', 'audio', 'canvas',
  'select', 'textarea', 'button', 'picture', 'map', 'plaintext', 'xmp',
];
const HEADING_MAP: Record<string, string> = { H1: 'h2', H5: 'h4', H6: 'h4' };

const purifier = DOMPurify();

/**
 * Pasted HTML (Word, LibreOffice, Google Docs, web pages) reduced to the structure Newsdesk keeps:
 * paragraphs, h2–h4 headings, lists, quotes, bold/italic/underline/strikethrough, http(s)/mailto
 * links. Everything else goes: styles, classes, fonts, scripts, iframes, event handlers, SVG,
 * `javascript:` and `data:` addresses, images (counted). Then every text is NFC-normalised.
 */
export function sanitizePastedHtml(html: string): SanitizedPaste {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return sanitizePastedBody(doc.body);
}

/** The same, on an already parsed (detached) element: large pastes are sanitised in slices. */
export function sanitizePastedBody(source: HTMLElement): SanitizedPaste {
  const droppedImages = source.querySelectorAll('img, picture, svg image').length;
  normalizeOfficeMarkup(source);
  // Given a node, DOMPurify would try to remove the <body> itself (not on the allow-list): hand it
  // the markup instead, already reshaped by normalizeOfficeMarkup.
  const body = purifier.sanitize(source.innerHTML, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'start'],
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    FORBID_CONTENTS,
    KEEP_CONTENT: true,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM: true,
  }) as HTMLElement;
  for (const element of Array.from(body.querySelectorAll('h1, h5, h6'))) {
    const heading = body.ownerDocument.createElement(HEADING_MAP[element.tagName]!);
    heading.append(...Array.from(element.childNodes));
    element.replaceWith(heading);
  }
  // An anchor that lost its address (a bookmark, or a refused scheme) is just its text.
  for (const anchor of Array.from(body.querySelectorAll('a:not([href])'))) anchor.replaceWith(...Array.from(anchor.childNodes));
  flattenDivs(body);
  dropBlankBlocks(body);
  normalizeTextNodes(body);
  return { body, droppedImages };
}

/**
 * A <div> around blocks is layout (Lexical would fold an <hr> inside it into a paragraph): it goes.
 * A <div> around text is how mail clients and web apps write a paragraph: it becomes one.
 */
function flattenDivs(body: HTMLElement): void {
  for (const div of Array.from(body.querySelectorAll('div'))) {
    if (div.querySelector(':scope > :is(p, div, h2, h3, h4, ul, ol, blockquote, hr)')) {
      div.replaceWith(...Array.from(div.childNodes));
    } else {
      const p = body.ownerDocument.createElement('p');
      p.append(...Array.from(div.childNodes));
      div.replaceWith(p);
    }
  }
}

/**
 * Office suites and mail clients space paragraphs with empty ones (`<p>&nbsp;</p>`, `<div><br></div>`,
 * a bare <br> between Docs paragraphs, a paragraph that only held a dropped image); the editor
 * spaces paragraphs itself.
 */
function dropBlankBlocks(body: HTMLElement): void {
  for (const block of Array.from(body.querySelectorAll('p, div, h2, h3, h4'))) {
    if ((block.textContent ?? '').replace(/[\s\u00a0\u200b]/g, '') === '' && !block.querySelector('hr, li')) block.remove();
  }
  for (const br of Array.from(body.children)) if (br.tagName === 'BR') br.remove();
}

function normalizeTextNodes(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const normalized = text.normalize('NFC');
    if (normalized !== text) node.nodeValue = normalized;
  }
}
