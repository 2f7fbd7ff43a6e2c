import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { NewsdeskError } from '../../../../shared/errors';
import { useI18n } from '../../../app/i18n';
import { errorKey } from '../../../app/messages';
import { useMedia } from '../../media/MediaContext';
import { $createFigureNode, FigureNode, type FigurePayload } from '../../nodes/FigureNode/FigureNode';

/** Inserts a figure for an already imported asset at the caret (as a block of its own). */
export const INSERT_FIGURE_COMMAND: LexicalCommand<FigurePayload> = createCommand('INSERT_FIGURE_COMMAND');
/** Opens the file picker; the chosen photo goes through the media service, then INSERT_FIGURE_COMMAND. */
export const PICK_PHOTO_COMMAND: LexicalCommand<void> = createCommand('PICK_PHOTO_COMMAND');

export default function ImagesPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const media = useMedia();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'importing' } | { kind: 'failed'; reason: string }>({
    kind: 'idle',
  });

  useEffect(() => {
    if (!editor.hasNodes([FigureNode])) throw new Error('ImagesPlugin: FigureNode is not registered on the editor');
    return mergeRegister(
      editor.registerCommand(
        INSERT_FIGURE_COMMAND,
        (payload) => {
          $insertNodeToNearestRoot($createFigureNode(payload));
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      editor.registerCommand(
        PICK_PHOTO_COMMAND,
        () => {
          input.current?.click();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    );
  }, [editor]);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setState({ kind: 'importing' });
    try {
      const asset = await media.importFile(file);
      setState({ kind: 'idle' });
      editor.focus();
      editor.dispatchCommand(INSERT_FIGURE_COMMAND, { assetId: asset.assetId, caption: '', alt: '', credit: '' });
    } catch (error) {
      const code = error instanceof NewsdeskError ? error.code : 'INTERNAL';
      setState({ kind: 'failed', reason: t(errorKey(code)) });
    }
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/gif"
        hidden
        data-testid="photo-file-input"
        onChange={(event) => void onFile(event)}
      />
      {state.kind === 'importing' && (
        <p className="nd-photo-status" role="status">
          {t('photo.importing')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="nd-photo-status nd-photo-failed" role="alert" data-testid="photo-error" onClick={() => setState({ kind: 'idle' })}>
          {t('photo.failed', { reason: state.reason })}
        </p>
      )}
    </>
  );
}
