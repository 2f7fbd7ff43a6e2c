import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, resetElectronMock, session, shell } from './electronMock';
import { applySecurityPolicy, isAppUrl, isSafeExternalUrl } from '../../../../src/main/electron/security';

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

  it('denies window.open; only https and mailto go to the system browser or mail client', () => {
    const contents = newContents();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    for (const url of ['https://baonghean.vn/bai-viet', 'mailto:toasoan@example.vn']) {
      expect(open(url)).toEqual({ action: 'deny' });
      expect(shell.openExternal).toHaveBeenLastCalledWith(url);
    }
    shell.openExternal.mockClear();
    for (const url of [
      'http://insecure.example/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'ms-msdt:/id',
      'newsdesk://app/index.html',
      'not a url',
    ]) {
      expect(open(url), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('isSafeExternalUrl agrees with the window-open decision', () => {
    expect(isSafeExternalUrl('https://example.vn')).toBe(true);
    expect(isSafeExternalUrl('mailto:a@example.vn')).toBe(true);
    expect(isSafeExternalUrl('http://example.vn')).toBe(false);
    expect(isSafeExternalUrl('file:///C:/Windows')).toBe(false);
  });
});
