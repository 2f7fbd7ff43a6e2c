import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetElectronMock } from './electronMock';
import { photoPathPicker } from '../../../../src/main/electron/photoPathPicker';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here. These tests check
// what the picker asks of the dialog and what it does with the answer, not the OS dialog itself.
vi.mock('electron', () => import('./electronMock'));

beforeEach(resetElectronMock);

describe('photoPathPicker', () => {
  it('asks for several files, photos only, attached to the window', async () => {
    const window = new BrowserWindow({});
    dialog.nextOpen = { canceled: false, filePaths: ['/media/card/DCIM/IMG_0001.JPG', '/media/card/DCIM/IMG_0002.HEIC'] };
    const paths = await photoPathPicker(() => window as never)('files');
    expect(paths).toEqual(['/media/card/DCIM/IMG_0001.JPG', '/media/card/DCIM/IMG_0002.HEIC']);
    const [parent, options] = dialog.showOpenDialog.mock.calls[0] as [unknown, { properties: string[]; filters: { extensions: string[] }[] }];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters[0]!.extensions).toEqual(expect.arrayContaining(['jpg', 'png', 'webp', 'tif', 'heic']));
  });

  it('asks for whole folders (a card), and answers none when the user cancels', async () => {
    dialog.nextOpen = { canceled: true, filePaths: ['/ignored'] };
    expect(await photoPathPicker(() => null)('folders')).toEqual([]);
    const [options] = dialog.showOpenDialog.mock.calls[0] as [{ properties: string[] }];
    expect(options.properties).toEqual(['openDirectory', 'multiSelections']);
  });
});
