import { describe, expect, it } from 'vitest';
import { MAX_EXTERNAL_URL_LENGTH, safeExternalUrl } from '../../../../src/main/electron/externalUrl';

// Pure module, no `electron` (real URL parser, nothing mocked).
describe('safeExternalUrl', () => {
  it.each([
    ['https://baonghean.vn/bai-viet?id=1#doan-2', 'https://baonghean.vn/bai-viet?id=1#doan-2'],
    ['http://ubnd.example.vn/thong-bao', 'http://ubnd.example.vn/thong-bao'],
    // What opens is the parser's normal form: lower-case scheme and host, punycode.
    ['HTTPS://Example.VN/A', 'https://example.vn/A'],
    ['https://thời-sự.vn/', 'https://xn--thi-s-uc2bxf.vn/'],
    ['https://example.vn:8443/x', 'https://example.vn:8443/x'],
    ['mailto:toasoan@example.vn', 'mailto:toasoan@example.vn'],
    ['mailto:a@example.vn,b@example.vn?subject=Tin%20n%C3%B3ng&body=Xin%20ch%C3%A0o', 'mailto:a@example.vn,b@example.vn?subject=Tin%20n%C3%B3ng&body=Xin%20ch%C3%A0o'],
    ['mailto:?to=a@example.vn&cc=b@example.vn', 'mailto:?to=a@example.vn&cc=b@example.vn'],
  ])('lets %s out as %s', (raw, opened) => {
    expect(safeExternalUrl(raw)).toBe(opened);
  });

  it.each([
    // Schemes the OS would hand to a program or a file share.
    ['javascript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['file:///etc/passwd'],
    ['file:///C:/Windows/System32/calc.exe'],
    ['file://attacker.example/share/payload.exe'],
    ['smb://attacker.example/share'],
    ['\\\\attacker.example\\share\\x.exe'],
    ['//attacker.example/x'],
    ['ms-msdt:/id PCWDiagnostic /skip force'],
    ['ms-msdt:/id'],
    ['search-ms:query=x&crumb=location:\\\\attacker.example'],
    ['vscode://file/etc/passwd'],
    ['zoommtg://zoom.us/join'],
    ['newsdesk://app/index.html'],
    ['ftp://example.vn/file'],
    ['ws://example.vn/'],
    ['blob:https://example.vn/uuid'],
    ['about:blank'],
    ['chrome://settings'],
    ['x-apple.systempreferences:com.apple.preference'],
    // http(s) that hides who it goes to.
    ['https://user:pass@example.vn/'],
    ['https://example.vn@attacker.example/'],
    ['http://'],
    // Whitespace and control characters the parser would silently drop.
    ['java\nscript:alert(1)'],
    ['https://exam\tple.vn/'],
    [' https://example.vn/'],
    ['https://example.vn/\u0000.exe'],
    ['https://example.vn/\u2028'],
    // mailto: only with addresses and the fields a mail client reads.
    ['mailto:'],
    ['mailto:?subject=no-recipient'],
    ['mailto:a@example.vn?attach=/etc/passwd'],
    ['mailto:a@example.vn?attachment=C:\\Users\\me\\secret.docx'],
    ['mailto:not-an-address'],
    ['mailto:a@b@example.vn'],
    ['mailto:%E0%A4%A@example.vn'],
    // Malformed or not a string at all.
    ['not a url'],
    ['https://[::1'],
    [''],
    [`https://example.vn/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });

  it.each([[undefined], [null], [42], [{ href: 'https://example.vn/' }], [new URL('https://example.vn/')]])('refuses the non-string %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeNull();
  });
});
