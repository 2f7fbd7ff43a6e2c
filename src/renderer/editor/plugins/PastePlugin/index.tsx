import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_LOW, PASTE_COMMAND } from 'lexical';
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useI18n } from '../../../app/i18n';
import { pasteInChunks } from './pasteInChunks';
import './PastePlugin.css';

type Notice =
  | { kind: 'progress'; percent: number }
  | { kind: 'imagesDropped'; count: number }
  | { kind: 'failed' };

/** Lexical's own clipboard format (copy inside Newsdesk) is already clean: left to RichTextPlugin. */
const LEXICAL_MIME = 'application/x-lexical-editor';

/**
 * Paste of HTML or plain text from anywhere: sanitised (sanitizePastedHtml), NFC-normalised and
 * imported through Lexical's DOM import; large pastes in slices with a progress notice. Files
 * (photos) are left to the photo plugins; images inside pasted HTML are dropped, with a notice.
 */
export default function PastePlugin(): ReactElement | null {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const [notice, setNotice] = useState<Notice | null>(null);
  const busy = useRef(false);

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          const data = 'clipboardData' in event ? event.clipboardData : null;
          if (!data || data.types.includes(LEXICAL_MIME)) return false;
          const html = data.getData('text/html');
          const text = data.getData('text/plain');
          if (!html && !text) return false;
          event.preventDefault();
          if (busy.current) return true;
          busy.current = true;
          pasteInChunks(editor, { html, text }, ({ done, total }) => {
            if (total > 1) setNotice({ kind: 'progress', percent: Math.round((done / total) * 100) });
          })
            .then(
              ({ droppedImages }) => setNotice(droppedImages > 0 ? { kind: 'imagesDropped', count: droppedImages } : null),
              (error: unknown) => {
                console.error('[newsdesk] paste failed', error);
                setNotice({ kind: 'failed' });
              },
            )
            .finally(() => {
              busy.current = false;
            });
          return true;
        },
        COMMAND_PRIORITY_LOW,
      ),
    [editor],
  );

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
