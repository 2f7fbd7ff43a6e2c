export const LINK_SCHEMES = ['http', 'https', 'mailto'] as const;
export const IMAGE_SCHEMES = ['http', 'https'] as const;

/**
 * A link or image address that is safe to keep: an allowed scheme, or a relative address.
 * Everything else (javascript:, data:, vbscript:, file:, blob:) is refused, including the
 * obfuscated forms browsers still honour: whitespace and control characters inside the scheme
 * ("java\tscript:"). Entities are already decoded by the HTML parser.
 */
export function safeUrl(raw: string, schemes: readonly string[] = LINK_SCHEMES): string | null {
  const url = raw.replace(/^[\u0000-\u0020\u007f-\u009f]+|[\u0000-\u0020\u007f-\u009f]+$/g, '');
  if (url === '') return null;
  const probe = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(probe);
  if (scheme) return schemes.includes(scheme[1]!.toLowerCase()) ? url : null;
  // A colon before any "/", "?" or "#" that did not parse as a scheme is a malformed one: refuse.
  if (/^[^/?#]*:/.test(probe)) return null;
  return url;
}
