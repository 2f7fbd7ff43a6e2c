import { vi } from 'vitest';

/**
 * A MOCK of the `electron` module, for unit tests only. No Electron binary can run on this
 * machine (none is installed, and there is no display), so these tests check what our code asks
 * of Electron: the options, handlers and decisions it registers. They do not prove Electron
 * honours them; tests/electron/app.spec.ts does that where a binary exists.
 */
type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

export class FakeWebContents extends FakeEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class BrowserWindow extends FakeEmitter {
  static readonly created: BrowserWindow[] = [];
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created;
  }
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(async (_url: string) => undefined);
  readonly show = vi.fn();
  destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export const app = Object.assign(new FakeEmitter(), {
  enableSandbox: vi.fn(),
  whenReady: vi.fn(async () => undefined),
  getPath: vi.fn((_name: string) => '/nonexistent/userData'),
  getVersion: vi.fn(() => '0.0.0-test'),
  requestSingleInstanceLock: vi.fn(() => true),
  quit: vi.fn(),
  exit: vi.fn(),
});

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  },
};

/** safeStorage as on a machine with a keychain: a reversible transform, NOT encryption (a mock). */
export const safeStorage = {
  isEncryptionAvailable: vi.fn(() => true),
  getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
  encryptString: vi.fn((text: string) => Buffer.from(`mock:${Buffer.from(text).toString('base64')}`)),
  decryptString: vi.fn((bytes: Buffer) => Buffer.from(bytes.toString().replace(/^mock:/, ''), 'base64').toString()),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle: vi.fn((channel: string, handler: Listener) => {
    ipcMain.handlers.set(channel, handler);
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel);
  }),
};

export const protocol = {
  handlers: new Map<string, (request: Request) => Promise<Response>>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const Menu = {
  /** The last menu set: a built template, or null for none. */
  current: undefined as unknown,
  buildFromTemplate: vi.fn((template: unknown[]) => ({ template })),
  setApplicationMenu: vi.fn((menu: unknown) => {
    Menu.current = menu;
  }),
};

/** The native dialogs: a test sets what the next open dialog answers. */
export const dialog = {
  nextOpen: { canceled: true, filePaths: [] as string[] },
  showOpenDialog: vi.fn(async (..._args: unknown[]) => dialog.nextOpen),
};

/** Forgets every registration between tests. */
export function resetElectronMock(): void {
  BrowserWindow.created.length = 0;
  app.listeners.clear();
  ipcMain.handlers.clear();
  protocol.handlers.clear();
  Menu.current = undefined;
  dialog.nextOpen = { canceled: true, filePaths: [] };
  vi.clearAllMocks();
}

export default { app, BrowserWindow, session, safeStorage, shell, ipcMain, protocol, Menu, dialog };
