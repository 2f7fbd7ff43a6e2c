/**
 * The renderer's Content-Security-Policy, declared here and nowhere else: sent as a response header
 * by both hosts (the desktop app's newsdesk:// protocol and the web edition's loopback server), so
 * the two cannot drift. index.html has no meta copy (a meta CSP cannot carry frame-ancestors, and a
 * second policy would only be intersected with this one, a trap for whoever edits one of them).
 * Scripts only from the app itself; images also from blob: (photos come from the media service
 * as bytes) and data: (tiny inline icons); no plugins, no <base>, no form posts, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
