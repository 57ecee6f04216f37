// What the service worker may keep, as pure functions of a request (unit-tested, and the worker's
// only source of truth). Only public, content-hashed or public-static files are ever stored: never
// a page, an RSC payload or an /api answer, so a signed-out or different user can never be shown
// the previous user's balance, codes or pass from a cache.

/** Runtime caches this app owns; sign-out deletes them (the precache holds only public files). */
export const RUNTIME_CACHES = { static: "nerava-static-v1", assets: "nerava-assets-v1" } as const;

/** The precached page every failed navigation falls back to. */
export const OFFLINE_URL = "/~offline";

/** The message a waiting worker activates on (Serwist listens for it; the "Reload" prompt sends it). */
export const SKIP_WAITING_MESSAGE = { type: "SKIP_WAITING" } as const;

type RequestLike = { url: string | URL; method?: string; headers?: { get(name: string): string | null } };

const url = (r: RequestLike) => (typeof r.url === "string" ? new URL(r.url) : r.url);

/** An RSC payload (client navigation or prefetch): personal like the page it belongs to. */
export function isRscRequest(r: RequestLike): boolean {
  const u = url(r);
  return (
    r.headers?.get("RSC") === "1" ||
    r.headers?.get("Next-Router-Prefetch") != null ||
    r.headers?.get("Next-Action") != null ||
    u.searchParams.has("_rsc")
  );
}

/** Requests no cache may ever answer or store: the API, RSC payloads, server actions, non-GETs. */
export function isNeverCached(r: RequestLike, origin: string): boolean {
  const u = url(r);
  if ((r.method ?? "GET").toUpperCase() !== "GET") return true;
  if (u.origin !== origin) return true;
  if (u.pathname === "/api" || u.pathname.startsWith("/api/")) return true;
  return isRscRequest(r);
}

/** Next's content-hashed build files: a URL names one version forever, so cache-first is safe. */
export function isHashedStatic(r: RequestLike, origin: string): boolean {
  return !isNeverCached(r, origin) && url(r).pathname.startsWith("/_next/static/");
}

const PUBLIC_ASSETS = /^\/(icon(-[a-z0-9-]+)?\.(png|svg)|apple-touch-icon\.png|favicon\.ico|manifest\.webmanifest)$/;

/** The app's icons and manifest: public, unversioned, refreshed in the background. */
export function isPublicAsset(r: RequestLike, origin: string): boolean {
  return !isNeverCached(r, origin) && PUBLIC_ASSETS.test(url(r).pathname);
}

/** A whole-page load: answered by the network only, the offline page when that fails. */
export function isPageNavigation(r: RequestLike & { mode?: string }, origin: string): boolean {
  return r.mode === "navigate" && !isNeverCached(r, origin);
}
