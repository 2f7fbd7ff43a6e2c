/**
 * The one gate in front of `shell.openExternal` (Electron's security checklist #15). The OS hands
 * whatever URL it gets to the handler registered for its scheme: `file:` runs or opens local
 * files, `smb:`/UNC paths leak NTLM hashes, `ms-msdt:` and other custom schemes start programs.
 * Only web pages and mail drafts may leave the app, and only in a shape we can vouch for.
 */

/** Longer than any link a newsroom writes; Windows' ShellExecute and some mail clients cut there. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * Query fields a mail client reads from a mailto: link (RFC 6068). Anything else is refused: some
 * clients honour `attach`/`attachment=<path>`, which would mail a local file away.
 */
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

/** An address in a mailto: path or its to/cc/bcc fields: one `@`, no spaces, no path tricks. */
const MAIL_ADDRESS = /^[^\s@/\\<>"]+@[^\s@/\\<>"]+$/;

/**
 * The URL, normalised by the WHATWG parser (what is then actually opened), if it is a plain
 * http(s) page or a mailto: draft; otherwise null. Raw control characters and whitespace are
 * refused before parsing because the parser silently drops tabs and newlines, so what a user saw
 * would not be what opens.
 */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u0020\u007f-\u009f\u2028\u2029]/.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
    return url.href;
  }
  if (url.protocol === 'mailto:') {
    const recipients = url.pathname === '' ? [] : url.pathname.split(',').map(safeDecode);
    for (const [name, value] of url.searchParams) {
      const field = name.toLowerCase();
      if (!MAILTO_FIELDS.has(field)) return null;
      if (field === 'to' || field === 'cc' || field === 'bcc') recipients.push(...value.split(','));
    }
    if (recipients.length === 0 || !recipients.every((address) => address !== undefined && MAIL_ADDRESS.test(address.trim())))
      return null;
    return url.href;
  }
  return null;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
