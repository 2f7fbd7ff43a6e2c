import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import Store from 'electron-store';
import { createApp, type NewsdeskApp } from '../app';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';
import { createMainWindow } from './window';

/** dist/main/electron/main.js → dist/ */
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preloadPath = join(distDir, 'preload', 'preload.cjs');

registerAppScheme();
// `app.quit()` only schedules the quit: without the guard on `start()` below, a second instance
// would still open the same data dir and write to it alongside the first.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();

let mainWindow: BrowserWindow | null = null;
let newsdesk: NewsdeskApp | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  applySecurityPolicy();
  serveRenderer(join(distDir, 'renderer'));
  // Tests and portable installs may point the data dir elsewhere; otherwise the OS's app-data folder.
  const dataDir = process.env.NEWSDESK_DATA_DIR ?? join(app.getPath('userData'), 'data');
  mkdirSync(dataDir, { recursive: true });
  // Settings (the user's name and role) in electron-store, as the architecture asks of the desktop host.
  const settings = new Store<Record<string, unknown>>({ name: 'settings' });
  newsdesk = await createApp({ dataDir, host: 'electron', version: app.getVersion(), settings });
  registerIpc(newsdesk, () => mainWindow);
  mainWindow = createMainWindow(preloadPath);
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => {
  void (async () => {
    await newsdesk?.close();
    app.quit();
  })();
});

app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0 && newsdesk) mainWindow = createMainWindow(preloadPath);
});

if (isPrimaryInstance) {
  start().catch((error: unknown) => {
    console.error('[newsdesk] failed to start', error instanceof Error ? error.message : error);
    app.exit(1);
  });
}
