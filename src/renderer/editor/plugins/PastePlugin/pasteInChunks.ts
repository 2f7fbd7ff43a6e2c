import {
  $createParagraphNode,
  $createTextNode,
  $getNodeByKey,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  HISTORY_MERGE_TAG,
  PASTE_TAG,
  SKIP_DOM_SELECTION_TAG,
  SKIP_SCROLL_INTO_VIEW_TAG,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $nodesFromPastedBody } from '../../paste/nodesFromPastedBody';
import { sanitizePastedBody } from '../../paste/sanitizePastedHtml';

/** Above this many characters a paste is inserted in slices, yielding to the browser in between. */
export const LARGE_PASTE_CHARS = 150_000;
/** Roughly this much markup (or text) per slice: the unit of sanitising and node building. */
const SLICE_CHARS = 20_000;
/**
 * Slices are built into one editor update until this much time has gone, then the update commits
 * and the browser gets a frame. Each update and each frame costs in proportion to the whole
 * document (Lexical reconciles the root's children, the browser lays out, React's commit walks the
 * focused body for its selection), so a 5 MB paste in 260 updates of one slice took 66–85 s; in
 * updates of ~100 ms of building it takes a few seconds, and no task comes near 2 s.
 */
const BATCH_BUDGET_MS = 100;
/** The progress notice is a React render: at most this often. */
const PROGRESS_EVERY_MS = 500;

export interface PasteProgress {
  done: number;
  total: number;
}
export interface PasteOutcome {
  droppedImages: number;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Inserts pasted HTML or plain text at the selection. Small pastes are one update (and one undo
 * step). Large ones (a 5 MB document) are sanitised and inserted slice by slice with a yield to
 * the event loop after each, so the window keeps painting and accepting input; every slice goes
 * before the same "tail" block, so the order holds and nothing is lost even if the writer moves
 * the caret meanwhile.
 */
export async function pasteInChunks(
  editor: LexicalEditor,
  clipboard: { html: string; text: string },
  onProgress: (progress: PasteProgress) => void,
): Promise<PasteOutcome> {
  const slices: (() => { nodes: () => LexicalNode[]; droppedImages: number })[] = [];
  const size = clipboard.html ? clipboard.html.length : clipboard.text.length;

  if (clipboard.html) {
    const doc = new DOMParser().parseFromString(clipboard.html, 'text/html');
    for (const group of sliceChildren(contentRoot(doc.body), size > LARGE_PASTE_CHARS ? SLICE_CHARS : Infinity)) {
      slices.push(() => {
        const holder = doc.createElement('div');
        holder.append(...group);
        const { body, droppedImages } = sanitizePastedBody(holder);
        return { nodes: () => $nodesFromPastedBody(editor, body), droppedImages };
      });
    }
  } else {
    const lines = clipboard.text.normalize('NFC').replace(/\r\n?/g, '\n').split('\n');
    if (lines.length === 1 && size <= LARGE_PASTE_CHARS) {
      // One line of plain text joins the paragraph at the caret, as typing would.
      editor.update(
        () => {
          const selection = $getSelection();
          if ($isRangeSelection(selection)) selection.insertRawText(lines[0]!);
        },
        { tag: 'paste' },
      );
      return { droppedImages: 0 };
    }
    const perSlice = size > LARGE_PASTE_CHARS ? linesPerSlice(lines) : lines.length;
    for (let start = 0; start < lines.length; start += perSlice) {
      const group = lines.slice(start, start + perSlice);
      slices.push(() => ({
        droppedImages: 0,
        nodes: () =>
          group.map((line) => {
            const paragraph = $createParagraphNode();
            if (line !== '') paragraph.append($createTextNode(line));
            return paragraph;
          }),
      }));
    }
  }

  let droppedImages = 0;
  if (slices.length <= 1) {
    const slice = slices[0]?.();
    if (!slice) return { droppedImages: 0 };
    editor.update(
      () => {
        const nodes = slice.nodes();
        const selection = $getSelection();
        if ($isRangeSelection(selection)) selection.insertNodes(nodes);
        else $getRoot().append(...nodes);
      },
      { tag: 'paste' },
    );
    return { droppedImages: slice.droppedImages };
  }

  // Split the block at the caret once: slices go before its second half, in order.
  let tailKey: string | null = null;
  let headKey: string | null = null;
  editor.update(
    () => {
      const selection = $getSelection();
      if ($isRangeSelection(selection)) {
        if (!selection.isCollapsed()) selection.removeText();
        headKey = selection.anchor.getNode().getTopLevelElement()?.getKey() ?? null;
        selection.insertParagraph();
        const after = $getSelection();
        if ($isRangeSelection(after)) tailKey = after.anchor.getNode().getTopLevelElement()?.getKey() ?? null;
      }
      if (!tailKey) {
        const tail = $createParagraphNode();
        $getRoot().append(tail);
        tailKey = tail.getKey();
      }
    },
    { tag: 'paste', discrete: true },
  );

  let index = 0;
  let reported = -Infinity;
  let lastKey: string | null = null;
  while (index < slices.length) {
    if (performance.now() - reported >= PROGRESS_EVERY_MS) {
      onProgress({ done: index, total: slices.length });
      reported = performance.now();
    }
    await nextTask();
    editor.update(
      () => {
        const started = performance.now();
        const tail = tailKey ? $getNodeByKey(tailKey) : null;
        const root = $getRoot();
        const before = tail && tail.isAttached() && tail.getParent() === root ? tail : null;
        const nodes: LexicalNode[] = [];
        do {
          const slice = slices[index]!();
          index += 1;
          droppedImages += slice.droppedImages;
          nodes.push(...slice.nodes());
        } while (index < slices.length && performance.now() - started < BATCH_BUDGET_MS);
        // One splice per batch: inserting node by node walks the siblings (and the selection) each time.
        if (before) root.splice(before.getIndexWithinParent(), 0, nodes);
        else root.append(...nodes);
        lastKey = nodes.at(-1)?.getKey() ?? lastKey;
      },
      // One undo step for the whole paste (the split above opened it); the caret stays where it
      // is, in the tail block, so the DOM selection is left alone until the end.
      { tag: [PASTE_TAG, HISTORY_MERGE_TAG, SKIP_DOM_SELECTION_TAG, SKIP_SCROLL_INTO_VIEW_TAG] },
    );
  }
  await nextTask();
  editor.update(
    () => {
      // The split left empty halves when the caret was at a block's start or end: drop them.
      for (const key of [headKey, tailKey]) {
        const node = key ? $getNodeByKey(key) : null;
        if ($isElementNode(node) && node.isAttached() && node.getTextContentSize() === 0 && node.getChildrenSize() === 0) {
          if ($getRoot().getChildrenSize() > 1) node.remove();
        }
      }
      // The caret goes where the pasted text ends, as after a small paste; not to the end of the
      // article, which is far away when the paste went into its middle.
      const last = lastKey ? $getNodeByKey(lastKey) : null;
      if (last?.isAttached()) last.selectEnd();
      else $getRoot().getLastDescendant()?.selectEnd();
    },
    { tag: [PASTE_TAG, HISTORY_MERGE_TAG] },
  );
  onProgress({ done: slices.length, total: slices.length });
  return { droppedImages };
}

/** Wrappers around the whole clipboard (Docs' <b>, a page's <div>s) hide its blocks: look inside. */
function contentRoot(body: HTMLElement): Element {
  let root: Element = body;
  for (;;) {
    const elements = Array.from(root.children).filter((child) => !/^(META|STYLE|SCRIPT|LINK)$/.test(child.tagName));
    const onlyText = Array.from(root.childNodes).every((node) => node.nodeType !== Node.TEXT_NODE || !node.nodeValue?.trim());
    if (elements.length !== 1 || !onlyText || !/^(DIV|B|SPAN|SECTION|ARTICLE|MAIN|FONT)$/.test(elements[0]!.tagName)) return root;
    root = elements[0]!;
  }
}

function sliceChildren(root: Element, limit: number): Node[][] {
  const groups: Node[][] = [];
  let group: Node[] = [];
  let chars = 0;
  for (const child of Array.from(root.childNodes)) {
    const length = child.nodeType === Node.ELEMENT_NODE ? (child as Element).outerHTML.length : (child.nodeValue ?? '').length;
    if (group.length > 0 && chars + length > limit) {
      groups.push(group);
      group = [];
      chars = 0;
    }
    group.push(child);
    chars += length;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

function linesPerSlice(lines: string[]): number {
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
  return Math.max(1, Math.floor(lines.length / Math.max(1, Math.ceil(total / SLICE_CHARS))));
}
