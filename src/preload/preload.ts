import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { NewsdeskTransport } from '../shared/contract';
import { isChannelName, isEventName } from '../shared/contractNames';
import { INVOKE_CHANNEL, eventChannel } from '../shared/ipcChannels';

/**
 * The whole preload: a narrow `window.newsdesk` that forwards contract channels only. Raw
 * ipcRenderer never reaches the page; a name outside the contract is refused here and again in main.
 */
const api: NewsdeskTransport = {
  invoke(channel, input) {
    if (!isChannelName(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    return ipcRenderer.invoke(INVOKE_CHANNEL, channel, input);
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(eventChannel(event), wrapped);
    return () => {
      ipcRenderer.removeListener(eventChannel(event), wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('newsdesk', api);
