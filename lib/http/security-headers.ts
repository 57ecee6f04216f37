// The Content-Security-Policy and Strict-Transport-Security the proxy puts on every response it
// handles, and the ones route() puts on the JSON API's (the proxy does not run there). Pure: the
// proxy passes the request's nonce and the environment.

export const HSTS = "max-age=63072000; includeSubDomains";

export type PolicyInput = {
  /** Fresh per request; Next puts it on its own scripts when it finds it in the request's CSP header. */
  nonce: string;
  /** `next dev`: React rebuilds server error stacks with eval there (never in production). */
  development: boolean;
  /** MAP_TILE_URL, e.g. `https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png`: its host may serve images. */
  mapTileUrl?: string;
  /** The public base URL is https: send every subresource over https too. */
  https: boolean;
};

/** `https://{s}.tile.example/{z}/…` → `https://*.tile.example`; null when unset or not a URL template we can read. */
export function tileSource(template: string | undefined): string | null {
  const match = /^(https?:\/\/)([^/?#]+)/i.exec(template ?? "");
  if (!match) return null;
  const host = match[2].replace(/^\{[a-z]\}\./i, "*.");
  return /^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(host) ? `${match[1]}${host}`.toLowerCase() : null;
}

/**
 * Scripts: only ours, by nonce ('strict-dynamic' lets those load their chunks); no inline script
 * without the nonce, no eval outside development. Styles: 'unsafe-inline', because React renders
 * style attributes (progress bars) and Next and Tailwind inject style tags; a style cannot run code.
 * Nothing may frame the app, post forms elsewhere, change the base URL or load plugins. The service
 * worker and the web manifest come from our own origin: `worker-src` is spelled out because it
 * would otherwise fall back to script-src, where 'strict-dynamic' ignores 'self'.
 */
export function contentSecurityPolicy({ nonce, development, mapTileUrl, https }: PolicyInput): string {
  const tiles = tileSource(mapTileUrl);
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${tiles ? ` ${tiles}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // "Add to Google Wallet" is a form whose answer redirects to Google's save page
    "form-action 'self' https://pay.google.com",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** 128 random bits, base64: unguessable and new for every request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/** A JSON answer loads nothing and is framed by nothing: the API's policy, whatever asked. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The proxy's security headers, for a route the proxy does not run on: HSTS in production (as the
 * proxy sends it), and the API's policy unless the handler set its own (a sandbox page's).
 */
export function setApiSecurityHeaders(headers: Headers): void {
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", API_POLICY);
  if (process.env.NODE_ENV === "production") headers.set("Strict-Transport-Security", HSTS);
}
