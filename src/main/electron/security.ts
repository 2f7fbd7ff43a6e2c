import { app, session, shell, type Session, type WebContents } from 'electron';
import { safeExternalUrl } from './externalUrl';

/** The renderer is served from this privileged custom scheme, never from file:// (checklist #18). */
export const APP_SCHEME = 'newsdesk';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/**
 * Where Chromium's Hunspell downloader would fetch dictionaries from (it does so from Google's CDN
 * on Windows and Linux, even with spellcheck off: electron#22995). Pointed at our own scheme, the
 * request can only reach our protocol handler, which has no such folder and answers 404: nothing
 * leaves the machine. Spellcheck itself uses the dictionaries bundled with the app.
 */
export const NO_DICTIONARY_DOWNLOAD_URL = `${APP_ORIGIN}/no-dictionary-downloads/`;

/**
 * The renderer never fetches from a network (its CSP says 'self' only; the portal is reached by
 * the main process). Requests the CSP does not govern are cancelled here too.
 */
export const NETWORK_URL_PATTERNS = ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*', 'ftp://*/*'];

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    // Not `parsed.origin`: Node's URL gives every custom scheme the opaque origin "null", even one
    // Electron registers as standard, so an origin check refused our own page. Compare the parts;
    // `host` includes any port, and credentials never belong in our URLs.
    return (
      parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === ''
    );
  } catch {
    return false;
  }
}

/** Opens a validated http(s) or mailto: URL in the user's browser or mail client; anything else is dropped. */
export function openExternalSafely(url: string): boolean {
  const safe = safeExternalUrl(url);
  if (safe === null) return false;
  void shell.openExternal(safe).catch(() => undefined);
  return true;
}

/** Electron's built-in spellchecker off, and its dictionary downloader pointed at nothing. */
export function lockDownSpellchecker(target: Session): void {
  target.setSpellCheckerEnabled(false);
  target.setSpellCheckerDictionaryDownloadURL(NO_DICTIONARY_DOWNLOAD_URL);
}

/**
 * Electron's security checklist, applied to the session and to every web contents the app ever
 * creates: no permissions, no network from the renderer, no navigation away from the app (in any
 * frame), no new windows, no webviews.
 */
export function applySecurityPolicy(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  lockDownSpellchecker(defaultSession);
  defaultSession.webRequest.onBeforeRequest({ urls: NETWORK_URL_PATTERNS }, (_details, callback) => callback({ cancel: true }));

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    // will-navigate fires for the main frame only; this one for every frame. We have no subframes,
    // so any subframe navigation is refused outright.
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame || !isAppUrl(details.url)) details.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      openExternalSafely(url);
      return { action: 'deny' };
    });
  });
}
