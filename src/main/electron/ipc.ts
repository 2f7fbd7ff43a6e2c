import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { INVOKE_CHANNEL, eventChannel } from '../../shared/ipcChannels';
import type { AppEndpoint } from '../app';
import { isAppUrl } from './security';

/**
 * The contract over Electron IPC. One handler validates the sender (only our own page, in the top
 * frame, may call) and hands channel and input to the app, which validates them with the contract.
 */
export function registerIpc(app: AppEndpoint, getWindow: () => BrowserWindow | null): () => void {
  ipcMain.handle(INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isAppUrl(frame.url)) {
      return { ok: false, error: { code: 'UNAUTHORIZED', details: { reason: 'sender' } } };
    }
    return app.invoke(channel, input);
  });
  const unsubscribe = app.subscribe((name, payload) => {
    const window = getWindow();
    if (window && !window.isDestroyed()) window.webContents.send(eventChannel(name), payload);
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
