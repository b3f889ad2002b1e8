/**
 * The built site's Content Security Policy, sent as a `<meta>` tag so that it holds on any static
 * host. Everything comes from the site itself: scripts only as files of the site (the optional share
 * script), never inline (JSON-LD blocks are data, not script); no inline style, no frame, form, plugin
 * or `<base>`. Were an injected script ever to get past the sanitizer, the browser would refuse to run it.
 * (`frame-ancestors` cannot be set from a `<meta>` tag; a host that sends headers can add it.)
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');
