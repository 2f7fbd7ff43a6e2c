/**
 * What office suites express with styles, expressed with elements, before the sanitiser drops
 * every style: Google Docs' bold/italic spans and its `docs-internal-guid` <b> wrapper, Word's
 * list paragraphs (`mso-list`) with their typed bullets, table cells as paragraphs.
 * Works in place on a detached document; nothing here is rendered or executed.
 */
export function normalizeOfficeMarkup(root: Element): void {
  unwrapGoogleDocsWrapper(root);
  stylesToElements(root);
  wordListsToLists(root);
  tablesToParagraphs(root);
  quotesToLines(root);
}

function unwrap(element: Element): void {
  element.replaceWith(...Array.from(element.childNodes));
}

function rename(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  replacement.append(...Array.from(element.childNodes));
  element.replaceWith(replacement);
  return replacement;
}

function styleOf(element: Element): string {
  return (element.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
}

function unwrapGoogleDocsWrapper(root: Element): void {
  for (const b of Array.from(root.querySelectorAll('b'))) {
    // Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-…">.
    if (/font-weight:(normal|400)/.test(styleOf(b)) || (b.id ?? '').startsWith('docs-internal-guid')) unwrap(b);
  }
}

function stylesToElements(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('[style]'))) {
    const style = styleOf(element);
    const wrappers: string[] = [];
    if (/(?:^|;)font-weight:(bold|bolder|[6-9]00)/.test(style)) wrappers.push('strong');
    if (/(?:^|;)font-style:italic/.test(style)) wrappers.push('em');
    if (/(?:^|;)text-decoration(?:-line)?:[^;]*underline/.test(style)) wrappers.push('u');
    if (/(?:^|;)text-decoration(?:-line)?:[^;]*line-through/.test(style)) wrappers.push('s');
    if (wrappers.length === 0) continue;
    // Wrap the content, not the element: a styled <p> or <li> must stay a block.
    let inner: Element = element;
    for (const tag of wrappers) {
      const wrapper = element.ownerDocument.createElement(tag);
      wrapper.append(...Array.from(inner.childNodes));
      inner.append(wrapper);
      inner = wrapper;
    }
  }
}

const WORD_LIST_LEVEL = /mso-list:\S*?level(\d+)/;

function wordListsToLists(root: Element): void {
  const paragraphs = Array.from(root.querySelectorAll('p')).filter((p) => WORD_LIST_LEVEL.test(styleOf(p)));
  let top: Element | null = null;
  let stack: { list: Element; level: number }[] = [];
  for (const p of paragraphs) {
    const doc = p.ownerDocument;
    const level = Number(WORD_LIST_LEVEL.exec(styleOf(p))![1]);
    const marker = p.querySelector('[style*="mso-list"]');
    // Word types the marker itself: "1." "a)" "iv." for numbered lists, "·" "o" "§" for bullets.
    const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test((marker?.textContent ?? '').replace(/\s+/g, ''));
    marker?.remove();
    const li = doc.createElement('li');
    li.append(...Array.from(p.childNodes));
    // A run of list paragraphs is one list; anything in between starts a new one.
    if (!top || p.previousElementSibling !== top) {
      top = doc.createElement(ordered ? 'ol' : 'ul');
      p.before(top);
      stack = [{ list: top, level }];
    }
    let frame = stack[stack.length - 1]!;
    while (stack.length > 1 && level < frame.level) {
      stack.pop();
      frame = stack[stack.length - 1]!;
    }
    if (level > frame.level) {
      const nested = doc.createElement(ordered ? 'ol' : 'ul');
      (frame.list.lastElementChild ?? frame.list).append(nested);
      frame = { list: nested, level };
      stack.push(frame);
    }
    frame.list.append(li);
    p.remove();
  }
}

function tablesToParagraphs(root: Element): void {
  for (const cell of Array.from(root.querySelectorAll('td, th, caption'))) {
    const hasBlocks = cell.querySelector('p, div, ul, ol, h1, h2, h3, h4, h5, h6, blockquote');
    if (hasBlocks) unwrap(cell);
    else rename(cell, 'p');
  }
  for (const part of Array.from(root.querySelectorAll('table, thead, tbody, tfoot, tr, colgroup, col'))) unwrap(part);
}

/** A quote's paragraphs and its <cite> become lines of one quote (the node holds inline content). */
function quotesToLines(root: Element): void {
  for (const quote of Array.from(root.querySelectorAll('blockquote'))) {
    const parts = Array.from(quote.children).filter((child) => /^(P|DIV|CITE|FOOTER|FIGCAPTION)$/.test(child.tagName));
    parts.forEach((part, index) => {
      if (index > 0) part.before(quote.ownerDocument.createElement('br'));
      unwrap(part);
    });
  }
}
