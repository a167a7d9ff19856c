// Pure: imported by proxy.ts (every page request) and next.config.ts, so no database, no Node-only APIs.

/**
 * What is not a page (API answers, static files, an SVG opened directly, a proxy redirect) may
 * load and run nothing at all. Pages replace this with buildPageCsp's policy in proxy.ts.
 */
export const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** 128 random bits, base64: what the CSP spec asks of a nonce. One per page request, never reused. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * A page's policy. Scripts run only with this response's nonce ('strict-dynamic' lets those
 * scripts load Next's chunks); an injected <script> or on* attribute runs nothing. Styles keep
 * 'unsafe-inline': React's style attributes (Recharts, widths) and the React Email previews,
 * whose srcdoc iframes inherit this policy and carry inline styles by design. Development adds
 * 'unsafe-eval', which React's dev build uses for server stack traces. No
 * upgrade-insecure-requests: a laptop serves plain http://localhost, and production has HSTS.
 */
export function buildPageCsp(nonce: string, options: { isDevelopment: boolean }): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error("A CSP nonce must be base64 of at least 96 bits.");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDevelopment ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
