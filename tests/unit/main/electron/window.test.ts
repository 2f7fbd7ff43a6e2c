import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, resetElectronMock } from './electronMock';
import { createMainWindow } from '../../../../src/main/electron/window';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here.
vi.mock('electron', () => import('./electronMock'));

beforeEach(resetElectronMock);

describe('createMainWindow', () => {
  it('locks the window down per the security checklist, with our preload', () => {
    createMainWindow('/opt/newsdesk/dist/preload/preload.cjs');
    expect(BrowserWindow.created).toHaveLength(1);
    const { webPreferences } = BrowserWindow.created[0]!.options as { webPreferences: Record<string, unknown> };
    expect(webPreferences).toMatchObject({
      preload: '/opt/newsdesk/dist/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      // Chromium's spellchecker would download dictionaries; the bundled ones are used instead.
      spellcheck: false,
    });
    // No Blink feature switched on by hand (checklist #10).
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the renderer from newsdesk://app, never file://, and shows it once ready', () => {
    const window = createMainWindow('/p.cjs');
    expect(window.loadURL).toHaveBeenCalledWith('newsdesk://app/index.html');
    expect((window as unknown as BrowserWindow).show).not.toHaveBeenCalled();
    (window as unknown as BrowserWindow).emit('ready-to-show');
    expect((window as unknown as BrowserWindow).show).toHaveBeenCalledOnce();
  });
});
