import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNodeByKey,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  COMMAND_PRIORITY_LOW,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  PASTE_COMMAND,
  type PointType,
  type RangeSelection,
} from 'lexical';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useI18n } from '../../../app/i18n';
import { IMPORT_PHOTOS_COMMAND } from '../ImagesPlugin';
import { pasteInChunks } from './pasteInChunks';
import { $selectAtPoint } from './selectAtPoint';
import './PastePlugin.css';

type Notice =
  | { kind: 'progress'; percent: number }
  | { kind: 'imagesDropped'; count: number }
  | { kind: 'failed' };

/** Lexical's own clipboard format (copy inside Newsdesk) is already clean: left to RichTextPlugin. */
const LEXICAL_MIME = 'application/x-lexical-editor';
/** Lexical marks a drag that starts in its own editor; moving text within the body stays Lexical's. */
const LEXICAL_DRAG_MIME = 'application/x-lexical-drag';

/**
 * Paste of HTML or plain text from anywhere: sanitised (sanitizePastedHtml), NFC-normalised and
 * imported through Lexical's DOM import; large pastes in slices with a progress notice. Files
 * (photos) are left to the photo plugins; images inside pasted HTML are dropped, with a notice.
 * A drop from outside the body is the same thing at the drop point: text and HTML take exactly
 * this path (never Lexical's raw DOM import), files go to ImagesPlugin (IMPORT_PHOTOS_COMMAND).
 */
export default function PastePlugin(): ReactElement | null {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  /** The pastes and drops not finished yet, run one after another in the order they came. */
  const queue = useRef<Promise<void>>(Promise.resolve());
  const unfinished = useRef(0);

  useEffect(() => {
    /**
     * A large paste takes seconds to go in. A paste or drop during it waits its turn and then goes
     * where the writer put it (`at`, the selection when it came), never dropped.
     * Must run inside an editor update (a command listener).
     */
    const $insert = (clipboard: { html: string; text: string }) => {
      const selection = $getSelection();
      const at = $isRangeSelection(selection) ? selection.clone() : null;
      const waits = unfinished.current > 0;
      unfinished.current += 1;
      queue.current = queue.current.then(async () => {
        try {
          if (waits && at) editor.update(() => $restoreSelection(at), { discrete: true });
          const { droppedImages } = await pasteInChunks(editor, clipboard, ({ done, total }) => {
            if (total > 1) setNotice({ kind: 'progress', percent: Math.round((done / total) * 100) });
          });
          setNotice(droppedImages > 0 ? { kind: 'imagesDropped', count: droppedImages } : null);
        } catch (error: unknown) {
          console.error('[newsdesk] paste failed', error);
          setNotice({ kind: 'failed' });
        } finally {
          unfinished.current -= 1;
        }
      });
    };
    return mergeRegister(
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || data.types.includes(LEXICAL_MIME)) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          if (!html && !text) return false;
          event.preventDefault();
          $insert({ html, text });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DRAGOVER_COMMAND,
        (event) => {
          // Files must be accepted here, or the browser opens the dropped file in place of the app.
          if (!event.dataTransfer?.types.includes('Files')) return false;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
      editor.registerCommand(
        DROP_COMMAND,
        (event) => {
          const data = event.dataTransfer;
          if (!data || data.types.includes(LEXICAL_DRAG_MIME)) return false;
          const files = Array.from(data.files);
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          if (files.length === 0 && !html && !text) return false;
          event.preventDefault();
          $selectAtPoint(editor, event.clientX, event.clientY);
          if (files.length > 0) return editor.dispatchCommand(IMPORT_PHOTOS_COMMAND, files);
          $insert({ html, text });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
  }, [editor]);

  if (!notice) return null;
  const text =
    notice.kind === 'progress'
      ? t('paste.progress', { percent: notice.percent })
      : notice.kind === 'imagesDropped'
        ? t('paste.imagesDropped', { count: notice.count })
        : t('paste.failed');
  return (
    <div className="nd-paste-notice" role="status" data-testid="paste-notice" data-kind={notice.kind} onClick={() => setNotice(null)}>
      {text}
    </div>
  );
}

/** Puts back a selection kept while a paste waited, if what it points at is still there. */
function $restoreSelection(at: RangeSelection): void {
  if ($isUsable(at.anchor) && $isUsable(at.focus)) $setSelection(at.clone());
}

function $isUsable(point: PointType): boolean {
  const node = $getNodeByKey(point.key);
  if (!node?.isAttached()) return false;
  if (point.type === 'text') return $isTextNode(node) && point.offset <= node.getTextContentSize();
  return $isElementNode(node) && point.offset <= node.getChildrenSize();
}
