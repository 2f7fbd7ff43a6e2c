import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { PickPhotoPaths } from '../services/photos/PhotoDesk';

/** What the "files" dialog offers; a folder is walked by the desk (collectPhotoPaths) instead. */
export const PHOTO_DIALOG_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif'];

/**
 * The photo desk's import dialog: the main process asks the OS for files or whole folders (a
 * card's DCIM) and reads the paths itself, so the renderer never names a path. [] when cancelled.
 */
export function photoPathPicker(getWindow: () => BrowserWindow | null): PickPhotoPaths {
  return async (kind) => {
    const options: OpenDialogOptions =
      kind === 'folders'
        ? { properties: ['openDirectory', 'multiSelections'] }
        : { properties: ['openFile', 'multiSelections'], filters: [{ name: 'Photos', extensions: PHOTO_DIALOG_EXTENSIONS }] };
    const window = getWindow();
    const result = window && !window.isDestroyed() ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
}
