/**
 * The built site's Content Security Policy, sent as a `<meta>` tag so that it holds on any static
 * host. Everything comes from the site itself: scripts only as files of the site (share buttons,
 * search), never inline (JSON-LD blocks are data, not script); no inline style, no frame, plugin or
 * `<base>`; forms only to the site itself (the search box). Were an injected script ever to get past
 * the sanitizer, the browser would refuse to run it.
 * (`frame-ancestors` cannot be set from a `<meta>` tag; a host that sends headers can add it.)
 */
export function contentSecurityPolicyFor(options: { webAssembly?: boolean } = {}): string {
  return [
    "default-src 'none'",
    // The search page compiles Pagefind's WebAssembly: 'wasm-unsafe-eval' allows that, never JavaScript eval.
    options.webAssembly ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicyFor();

/**
 * The web editor's policy (/admin/ only, never a reader's page): Decap CMS compiles its config
 * schema with `new Function` and styles itself with inline styles, and talks to GitHub (or, on an
 * editor's own machine, to decap-server) and to the sign-in service. Pictures being uploaded are
 * previewed from `blob:` URLs.
 */
export function editorContentSecurityPolicy(connect: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data: https://avatars.githubusercontent.com https://raw.githubusercontent.com",
    `connect-src 'self' blob: data: https://api.github.com ${connect.join(' ')}`.trim(),
    "base-uri 'none'",
    "object-src 'none'",
    "frame-src 'none'",
  ].join('; ');
}
