import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow } from 'electron';
import Store from 'electron-store';
import { createApp, type NewsdeskApp } from '../app';
import { deferApp } from '../deferApp';
import { registerIpc } from './ipc';
import { photoPathPicker } from './photoPathPicker';
import { SafeStorageVault } from './SafeStorageVault';
import { applyApplicationMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';
import { createMainWindow } from './window';

/** dist/main/electron/main.js → dist/ */
const distDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const preloadPath = join(distDir, 'preload', 'preload.cjs');

// Every renderer sandboxed (checklist #4), whatever a future window's options say; must precede ready.
app.enableSandbox();
registerAppScheme();
// `app.quit()` only schedules the quit: without the guard on `start()` below, a second instance
// would still open the same data dir and write to it alongside the first.
const isPrimaryInstance = app.requestSingleInstanceLock();
if (!isPrimaryInstance) app.quit();

let mainWindow: BrowserWindow | null = null;
let newsdesk: NewsdeskApp | null = null;
/** The app while it opens: a window closed that early must still wait for it, then close it. */
let opening: Promise<NewsdeskApp> | null = null;

async function start(): Promise<void> {
  await app.whenReady();
  applySecurityPolicy();
  applyApplicationMenu();
  serveRenderer(join(distDir, 'renderer'));
  // Tests and portable installs may point the data dir elsewhere; otherwise the OS's app-data folder.
  const dataDir = process.env.NEWSDESK_DATA_DIR ?? join(app.getPath('userData'), 'data');
  mkdirSync(dataDir, { recursive: true });
  // Settings (the user's name and role) in electron-store, as the architecture asks of the desktop host.
  const settings = new Store<Record<string, unknown>>({ name: 'settings' });
  // The window opens and loads the renderer while the app opens its store; the renderer's first
  // calls wait for it (deferApp), so the two no longer happen one after the other.
  const vault = new SafeStorageVault(app.getPath('userData'));
  opening = createApp({
    dataDir,
    host: 'electron',
    version: app.getVersion(),
    settings,
    vault,
    pickPhotoPaths: photoPathPicker(() => mainWindow),
  });
  registerIpc(deferApp(opening), () => mainWindow);
  mainWindow = createMainWindow(preloadPath);
  newsdesk = await opening;
}

app.on('second-instance', () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
});

app.on('window-all-closed', () => {
  void (async () => {
    // Not just `newsdesk`: it is set only once the store has opened, and quitting before that
    // left the store still writing into the data dir after the app had "quit".
    const current = newsdesk ?? (await opening?.catch(() => null));
    await current?.close();
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
