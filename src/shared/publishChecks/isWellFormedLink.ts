/**
 * Whether a link's URL is one a reader can follow from the portal: an absolute http(s) address
 * with a real host name, or a mailto: with an address. Refused: an empty URL, any whitespace (a
 * pasted "https://nghean.gov.vn/tin tuc" breaks at the space in some readers' apps), javascript:,
 * data: and every other scheme, and relative addresses (they would point into the portal's own
 * tree, never where the writer meant). src/shared runs without the DOM's URL class, so the shape
 * is checked by pattern, after the same rules the link editor applies (toLinkUrl).
 */
export function isWellFormedLink(url: string): boolean {
  if (url === '' || /[\s\u00a0\u200b\ufeff]/u.test(url)) return false;
  const web = /^https?:\/\/([^/?#:@]+)(?::(\d{1,5}))?(?:[/?#].*)?$/iu.exec(url);
  if (web) return isHostName(web[1]!) && (web[2] === undefined || Number(web[2]) <= 65_535);
  return /^mailto:[^@?/]+@([^@?/]+)(?:\?.*)?$/iu.test(url) && isHostName(/@([^@?]+)/u.exec(url)![1]!);
}

/** A dotted name whose labels are letters, digits and inner hyphens (IDN allowed), or an IPv4 address. */
function isHostName(host: string): boolean {
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/u.test(host)) return host.split('.').every((part) => Number(part) <= 255);
  if (host.toLowerCase() === 'localhost') return true;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((label) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$/u.test(label));
}
