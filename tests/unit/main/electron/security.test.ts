import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, resetElectronMock, session, shell } from './electronMock';
import { applySecurityPolicy, isAppUrl, NO_DICTIONARY_DOWNLOAD_URL, openExternalSafely } from '../../../../src/main/electron/security';

// `electron` is MOCKED (./electronMock.ts): no Electron binary can run here.
vi.mock('electron', () => import('./electronMock'));

beforeEach(resetElectronMock);

/** Applies the policy and hands back a web contents as Electron would announce a new one. */
function newContents(): FakeWebContents {
  applySecurityPolicy();
  const contents = new FakeWebContents();
  app.emit('web-contents-created', {}, contents);
  return contents;
}

function navigationEvent(): { preventDefault: ReturnType<typeof vi.fn> } {
  return { preventDefault: vi.fn() };
}

describe('isAppUrl', () => {
  it.each([['newsdesk://app/index.html'], ['newsdesk://app/'], ['newsdesk://app/assets/x.js?v=1#top']])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['newsdesk://app.evil/index.html'],
    ['newsdesk://evil/index.html'],
    ['newsdesk://app:8080/'],
    ['newsdesk://user@app/'],
    ['https://app/'],
    ['file:///opt/newsdesk/dist/renderer/index.html'],
    ['http://127.0.0.1:5173/'],
    ['not a url'],
    [''],
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('applySecurityPolicy', () => {
  it('denies every permission request and check', () => {
    applySecurityPolicy();
    const request = session.defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (
      contents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void;
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const check = session.defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    expect(check({}, 'media')).toBe(false);
  });

  it.each([['will-navigate'], ['will-redirect']])('%s: stays on newsdesk://app, prevents anything else', (eventName) => {
    const contents = newContents();
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'newsdesk://evil/', 'http://127.0.0.1/']) {
      const event = navigationEvent();
      contents.emit(eventName, event, url);
      expect(event.preventDefault, url).toHaveBeenCalled();
    }
    const own = navigationEvent();
    contents.emit(eventName, own, 'newsdesk://app/index.html');
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const contents = newContents();
    const event = navigationEvent();
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open; only http(s) and mailto go to the system browser or mail client, normalised', () => {
    const contents = newContents();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://baonghean.vn/bai-viet', 'http://ubnd.example.vn/', 'mailto:toasoan@example.vn']) {
      expect(open(url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenLastCalledWith(url);
    }
    expect(open('HTTPS://Example.VN/A')).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenLastCalledWith('https://example.vn/A');
    shell.openExternal.mockClear();
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'newsdesk://app/index.html',
      'mailto:a@example.vn?attach=/etc/passwd',
      'https://user:pass@example.vn/',
      'not a url',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('openExternalSafely says whether it opened, and survives the OS refusing', async () => {
    shell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    expect(openExternalSafely('https://example.vn/')).toBe(true);
    expect(openExternalSafely('file:///C:/Windows')).toBe(false);
    expect(shell.openExternal).toHaveBeenCalledTimes(1);
    await Promise.resolve();
  });

  it('will-frame-navigate: refuses leaving the app in any frame, and any subframe navigation', () => {
    const contents = newContents();
    const navigate = (url: string, isMainFrame: boolean) => {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', details);
      return details.preventDefault.mock.calls.length > 0;
    };
    expect(navigate('newsdesk://app/index.html', true)).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'newsdesk://evil/', 'javascript:alert(1)']) {
      expect(navigate(url, true), url).toBe(true);
      expect(navigate(url, false), url).toBe(true);
    }
    expect(navigate('newsdesk://app/index.html', false)).toBe(true);
  });

  it('turns Electron\'s spellchecker off and points its dictionary downloader at our own scheme', () => {
    applySecurityPolicy();
    expect(session.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
    expect(session.defaultSession.setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledWith(NO_DICTIONARY_DOWNLOAD_URL);
    // Only our protocol handler can answer it (it has no such folder): nothing goes to a CDN.
    expect(isAppUrl(`${NO_DICTIONARY_DOWNLOAD_URL}en-us-10-1.bdic`)).toBe(true);
    // Chromium appends the file name: the base must end with a slash.
    expect(NO_DICTIONARY_DOWNLOAD_URL.endsWith('/')).toBe(true);
  });

  it('cancels every network request from the renderer (http, https, ws, wss, ftp)', () => {
    applySecurityPolicy();
    const [filter, listener] = session.defaultSession.webRequest.onBeforeRequest.mock.calls[0] as unknown as [
      { urls: string[] },
      (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void,
    ];
    expect(filter.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*']));
    const callback = vi.fn();
    listener({ url: 'https://fonts.example/x.woff2' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });
});
