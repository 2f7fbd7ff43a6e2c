import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electronBinary';

// The desktop host for real, in Electron. Runs only where an Electron binary exists; elsewhere every
// test is reported skipped with the reason (the unit tests in tests/unit/main/electron cover what
// can be checked with a mocked `electron` module).
const binary = findElectronBinary();
if (!binary.available) console.log(`[electron] skipped: no Electron binary on this machine: ${binary.reason}`);

let electronApp: ElectronApplication;
let page: Page;
let dataDir: string;

test.beforeEach(async () => {
  test.skip(!binary.available, `No Electron binary on this machine: ${binary.available ? '' : binary.reason}`);
  if (!binary.available) return;
  dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-electron-'));
  electronApp = await _electron.launch({
    executablePath: binary.path,
    // Chromium refuses to start its own sandbox as root (containers, CI); our webPreferences still apply.
    args: [resolve('dist/main/electron/main.js'), ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, NEWSDESK_DATA_DIR: dataDir },
  });
  page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterEach(async () => {
  await electronApp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('loads the renderer from newsdesk://app with the window locked down', async () => {
  expect(page.url()).toBe('newsdesk://app/index.html');
  // webPreferences are checked where they are set (tests/unit/main/electron/window.test.ts); here,
  // their effect as the page sees it: no webview element, no Node, only the narrow bridge.
  expect(await page.evaluate(() => document.createElement('webview').constructor.name)).toBe('HTMLUnknownElement');
  // The page has no Node and sees only the narrow bridge.
  expect(await page.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual([
    'undefined',
    'undefined',
  ]);
  expect(await page.evaluate(() => Object.keys((window as unknown as { newsdesk: object }).newsdesk).sort())).toEqual(['invoke', 'on']);
});

test('calls services over IPC and receives their events', async () => {
  const result = await page.evaluate(async () => {
    const api = (window as unknown as { newsdesk: { invoke(c: string, i: unknown): Promise<unknown>; on(e: string, l: (p: unknown) => void): () => void } }).newsdesk;
    const events: unknown[] = [];
    const off = api.on('articles.changed', (payload) => events.push(payload));
    const info = await api.invoke('app.info', {});
    const created = await api.invoke('articles.create', { title: 'Từ Electron' });
    await new Promise((r) => setTimeout(r, 200));
    off();
    return { info, created, events };
  });
  expect(result.info).toMatchObject({ ok: true, value: { host: 'electron', dataDir } });
  expect(result.created).toMatchObject({ ok: true, value: { title: 'Từ Electron', rev: 1 } });
  expect(result.events).toEqual([expect.objectContaining({ reason: 'created' })]);
});

test('refuses navigation away, new windows, and permissions', async () => {
  await electronApp.evaluate(({ shell }) => {
    // Record instead of opening the user's browser.
    const opened: string[] = [];
    (globalThis as { opened?: string[] }).opened = opened;
    shell.openExternal = async (url: string) => {
      opened.push(url);
    };
  });
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('file:///etc/passwd') === null)).toBe(true);
  expect(await page.evaluate(() => window.open('mailto:a@example.vn?attach=/etc/passwd') === null)).toBe(true);
  expect(await electronApp.evaluate(() => (globalThis as { opened?: string[] }).opened)).toEqual(['https://example.com/']);
  expect(electronApp.windows()).toHaveLength(1);

  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('newsdesk://app/index.html');

  const permission = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state);
  expect(permission).not.toBe('granted');
});

test('Electron\'s spellchecker is off and never downloads a dictionary', async () => {
  const state = await electronApp.evaluate(({ app, session }) => {
    return { enabled: session.defaultSession.isSpellCheckerEnabled(), userData: app.getPath('userData') };
  });
  expect(state.enabled).toBe(false);
  // Type into an editable field, which is what makes Chromium load dictionaries when it is on.
  await page.evaluate(() => {
    const field = document.createElement('textarea');
    field.value = 'Mot cau co loi chinh ta khongg';
    document.body.append(field);
    field.focus();
  });
  await page.keyboard.type(' thuw');
  // Asked for a language, the downloader may try only our own scheme, which answers 404.
  const attempted = await electronApp.evaluate(async ({ session }) => {
    const result = new Promise<string>((resolve) => {
      session.defaultSession.once('spellcheck-dictionary-download-failure', () => resolve('failed'));
      session.defaultSession.once('spellcheck-dictionary-download-success', () => resolve('downloaded'));
      session.defaultSession.once('spellcheck-dictionary-initialized', () => resolve('initialized'));
      // With the checker off Chromium may not try at all: no event to await then, hence the bound.
      setTimeout(() => resolve('no attempt'), 3_000);
    });
    session.defaultSession.setSpellCheckerLanguages(['en-US']);
    return result;
  });
  expect(attempted).not.toBe('downloaded');
  const dictionaries = join(state.userData, 'Dictionaries');
  const files = existsSync(dictionaries) ? readdirSync(dictionaries).filter((name) => name.endsWith('.bdic')) : [];
  expect(files).toEqual([]);
});

test('the renderer reaches no network, even where its CSP would not apply', async () => {
  const outcome = await page.evaluate(async () => {
    try {
      await fetch('https://example.com/');
      return 'fetched';
    } catch {
      return 'refused';
    }
  });
  expect(outcome).toBe('refused');
  const cancelled = await electronApp.evaluate(async ({ session }) => {
    // A request through the renderer's session itself (as a prefetch or a favicon would be).
    try {
      await session.defaultSession.fetch('https://example.com/');
      return false;
    } catch {
      return true;
    }
  });
  expect(cancelled).toBe(true);
});
