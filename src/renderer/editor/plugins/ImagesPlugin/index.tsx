import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { DRAG_DROP_PASTE } from '@lexical/rich-text';
import { $insertNodeToNearestRoot, mergeRegister } from '@lexical/utils';
import { COMMAND_PRIORITY_EDITOR, createCommand, type LexicalCommand } from 'lexical';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useI18n } from '../../../app/i18n';
import { errorKey } from '../../../app/messages';
import { importPhoto } from '../../media/importPhoto';
import { isPhotoFile, PHOTO_ACCEPT } from '../../media/isPhotoFile';
import { useMedia } from '../../media/MediaContext';
import { $createFigureNode, FigureNode, type FigurePayload } from '../../nodes/FigureNode/FigureNode';

/** Inserts a figure for an already imported asset at the caret (as a block of its own). */
export const INSERT_FIGURE_COMMAND: LexicalCommand<FigurePayload> = createCommand('INSERT_FIGURE_COMMAND');
/** Opens the file picker; the chosen photo goes through the media service, then INSERT_FIGURE_COMMAND. */
export const PICK_PHOTO_COMMAND: LexicalCommand<void> = createCommand('PICK_PHOTO_COMMAND');
/**
 * Imports files as photos at the caret, as the photo button does (dropped files, pasted ones):
 * each goes through the media service; anything that is not a photo is refused with a notice.
 */
export const IMPORT_PHOTOS_COMMAND: LexicalCommand<File[]> = createCommand('IMPORT_PHOTOS_COMMAND');


type ImportState = { kind: 'idle' } | { kind: 'importing' } | { kind: 'failed'; message: string };

export default function ImagesPlugin() {
  const [editor] = useLexicalComposerContext();
  const { t } = useI18n();
  const media = useMedia();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  // The commands are registered once; the import reads the latest translation through this.
  const importRef = useRef<(files: File[]) => Promise<void>>(async () => {});

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
        IMPORT_PHOTOS_COMMAND,
        (files) => {
          void importRef.current(files);
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
      // Lexical's rich text sends pasted files (a screenshot) here.
      editor.registerCommand(DRAG_DROP_PASTE, (files) => editor.dispatchCommand(IMPORT_PHOTOS_COMMAND, files), COMMAND_PRIORITY_EDITOR),
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

  importRef.current = async (files: File[]) => {
    for (const file of files) {
      if (isPhotoFile(file)) setState({ kind: 'importing' });
      const result = await importPhoto(media, file);
      if (result.kind === 'notPhoto') {
        setState({ kind: 'failed', message: t('photo.notPhoto', { name: file.name }) });
      } else if (result.kind === 'failed') {
        setState({ kind: 'failed', message: t('photo.failed', { reason: t(errorKey(result.code)) }) });
      } else {
        setState({ kind: 'idle' });
        editor.focus();
        editor.dispatchCommand(INSERT_FIGURE_COMMAND, { assetId: result.asset.assetId, caption: '', alt: '', credit: '' });
      }
    }
  };

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) void importRef.current([file]);
  };

  return (
    <>
      <input
        ref={input}
        type="file"
        accept={PHOTO_ACCEPT}
        hidden
        data-testid="photo-file-input"
        onChange={onFile}
      />
      {state.kind === 'importing' && (
        <p className="nd-photo-status" role="status">
          {t('photo.importing')}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="nd-photo-status nd-photo-failed" role="alert" data-testid="photo-error" onClick={() => setState({ kind: 'idle' })}>
          {state.message}
        </p>
      )}
    </>
  );
}
