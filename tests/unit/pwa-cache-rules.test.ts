import { afterEach, describe, expect, it, vi } from "vitest";
import { isHashedStatic, isNeverCached, isPageNavigation, isPublicAsset, isRscRequest } from "@/lib/pwa/cache-rules";
import { clearRuntimeCaches, RUNTIME_CACHES } from "@/lib/pwa";

const ORIGIN = "https://app.nerava.example";
const req = (path: string, init: { method?: string; headers?: Record<string, string>; mode?: string } = {}) => {
  const headers = new Headers(init.headers);
  return { url: new URL(path, ORIGIN).toString(), method: init.method ?? "GET", headers, mode: init.mode };
};

describe("service worker cache rules: nothing personal is ever stored", () => {
  it("never caches the API, RSC payloads, prefetches, server actions, non-GETs or other origins", () => {
    for (const r of [
      req("/api/discovery/nearby?lat=30&lng=-97"),
      req("/api"),
      req("/api/health"),
      req("/app/wallet", { headers: { RSC: "1" } }),
      req("/app/wallet?_rsc=abc12"),
      req("/app", { headers: { "Next-Router-Prefetch": "1" } }),
      req("/app", { method: "POST", headers: { "Next-Action": "7f00" } }),
      req("/_next/static/chunks/a.js", { method: "POST" }),
      req("https://tiles.example/1/2/3.png"),
    ]) {
      expect(isNeverCached(r, ORIGIN), r.url).toBe(true);
      expect(isHashedStatic(r, ORIGIN), r.url).toBe(false);
      expect(isPublicAsset(r, ORIGIN), r.url).toBe(false);
    }
    expect(isRscRequest(req("/app?_rsc=1"))).toBe(true);
    expect(isRscRequest(req("/app"))).toBe(false);
  });

  it("a navigation is only ever network-or-offline-page, never a cache entry", () => {
    for (const path of ["/app", "/app/wallet", "/app/codes/abc", "/app/pass", "/merchant", "/signin"]) {
      const nav = req(path, { mode: "navigate" });
      expect(isPageNavigation(nav, ORIGIN), path).toBe(true);
      expect(isHashedStatic(nav, ORIGIN) || isPublicAsset(nav, ORIGIN), path).toBe(false);
    }
    expect(isPageNavigation(req("/app"), ORIGIN)).toBe(false); // a fetch, not a page load
    expect(isPageNavigation(req("/api/health", { mode: "navigate" }), ORIGIN)).toBe(false);
  });

  it("caches Next's hashed build files and the public icons and manifest only", () => {
    expect(isHashedStatic(req("/_next/static/chunks/0ybv8mj2f-1lj.js"), ORIGIN)).toBe(true);
    expect(isHashedStatic(req("/_next/static/chunks/2q3o-7w24cy4h.css"), ORIGIN)).toBe(true);
    expect(isHashedStatic(req("/_next/image?url=x"), ORIGIN)).toBe(false);
    expect(isHashedStatic(req("/app/_next/static/x.js"), ORIGIN)).toBe(false);
    for (const path of [
      "/icon-192.png",
      "/icon-512.png",
      "/icon-maskable-512.png",
      "/icon.svg",
      "/manifest.webmanifest",
    ])
      expect(isPublicAsset(req(path), ORIGIN), path).toBe(true);
    for (const path of ["/app/icon-192.png", "/icon-192.png.js", "/sw.js", "/api/icon.png"])
      expect(isPublicAsset(req(path), ORIGIN), path).toBe(false);
  });
});

describe("clearRuntimeCaches (sign-out)", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("deletes the runtime caches and anything unknown, keeps the public precache", async () => {
    const names = new Set([
      RUNTIME_CACHES.static,
      RUNTIME_CACHES.assets,
      "serwist-precache-v2-https://app.nerava.example/",
      "some-old-cache",
    ]);
    vi.stubGlobal("caches", {
      keys: async () => [...names],
      delete: async (name: string) => names.delete(name),
    });
    await clearRuntimeCaches();
    expect([...names]).toEqual(["serwist-precache-v2-https://app.nerava.example/"]);
  });

  it("does nothing where Cache Storage is missing or refuses", async () => {
    await expect(clearRuntimeCaches()).resolves.toBeUndefined();
    vi.stubGlobal("caches", { keys: async () => Promise.reject(new Error("SecurityError")) });
    await expect(clearRuntimeCaches()).resolves.toBeUndefined();
  });
});
