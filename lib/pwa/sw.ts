// The service worker's source. `serwist build` (serwist.config.js, run by `npm run build` after
// `next build`) bundles it with esbuild into public/sw.js and injects the precache list. Rules:
// - navigations: network only; when the network fails, the precached offline page. A page is
//   personal (balance, codes, pass), so none is ever stored, not even as a fallback.
// - /_next/static/*: cache first (content-hashed: one URL, one version forever).
// - icons and the manifest: stale-while-revalidate.
// - everything else (/api, RSC payloads, server actions, other origins, non-GET) is not handled
//   at all: the browser fetches it as if there were no worker, and nothing is stored.
import {
  CacheableResponsePlugin,
  CacheFirst,
  ExpirationPlugin,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RuntimeCaching,
} from "serwist";
import { isHashedStatic, isPageNavigation, isPublicAsset, OFFLINE_URL, RUNTIME_CACHES } from "./cache-rules";

// Typed by hand instead of pulling the WebWorker lib into the app's DOM-typed program. The worker's
// global is `self`, spelled as such: `serwist build` replaces the literal `self.__SW_MANIFEST`.
declare const self: {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  location: Location;
  addEventListener(type: "install" | "activate" | "fetch", listener: (event: never) => void): void;
};
const origin = self.location.origin;
const okOnly = () => new CacheableResponsePlugin({ statuses: [200] });

const runtimeCaching: RuntimeCaching[] = [
  {
    matcher: ({ request }) => isHashedStatic(request, origin),
    handler: new CacheFirst({
      cacheName: RUNTIME_CACHES.static,
      plugins: [
        okOnly(),
        new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: 30 * 24 * 3600, purgeOnQuotaError: true }),
      ],
    }),
  },
  {
    matcher: ({ request }) => isPublicAsset(request, origin),
    handler: new StaleWhileRevalidate({ cacheName: RUNTIME_CACHES.assets, plugins: [okOnly()] }),
  },
  { matcher: ({ request }) => isPageNavigation(request, origin), handler: new NetworkOnly() },
];

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  // a new version waits until the person presses "Reload" (components/pwa/update-prompt)
  skipWaiting: false,
  // the first install takes over the open page at once, so it works offline without a reload
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching,
  fallbacks: { entries: [{ url: OFFLINE_URL, matcher: ({ request }) => request.mode === "navigate" }] },
  disableDevLogs: true,
});

// Serwist's own "cache these URLs" message handler is left out on purpose: no page may ask the
// worker to store an arbitrary URL.
self.addEventListener("install", serwist.handleInstall as (event: never) => void);
self.addEventListener("activate", serwist.handleActivate as (event: never) => void);
self.addEventListener("fetch", serwist.handleFetch as (event: never) => void);
