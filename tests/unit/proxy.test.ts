import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { API_POLICY, HSTS, tileSource } from "@/lib/http/security-headers";
import * as staticInfo from "next/dist/build/analysis/get-page-static-info";
import { config, proxy } from "@/proxy";

const get = (path: string, headers: Record<string, string> = {}) =>
  proxy(new NextRequest(new URL(path, "http://localhost:3000"), { headers }));

describe("proxy: sandbox-only pages in production", () => {
  it("answer a real 404 before rendering (a streamed notFound() would answer 200)", async () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const path of ["/app/car/sandbox-connect?state=abc", "/dev/outbox"]) {
      const res = await get(path, { cookie: "nerava.session=x" });
      expect(res.status, path).toBe(404);
    }
    expect((await get("/app/car", { cookie: "nerava.session=x" })).status).toBe(200);
    vi.unstubAllEnvs();
    expect((await get("/dev/outbox")).status).toBe(200);
  });
});

describe("proxy: server actions from another site", () => {
  const action = (headers: Record<string, string>) =>
    proxy(
      new NextRequest(new URL("/app/charge", "http://localhost:3000"), {
        method: "POST",
        headers: { "next-action": "7f86291a74d65797baea9b63977b2e4031c2c94f19", ...headers },
        body: "x",
      }),
    );

  it("answer 403 bad_origin, not Next's 500, for a foreign or unreadable Origin", async () => {
    for (const origin of ["https://evil.example", "null", "http://localhost:3001"]) {
      const res = await action({ origin, host: "localhost:3000" });
      expect(res.status, origin).toBe(403);
      expect((await res.json()).error).toEqual({
        code: "bad_origin",
        message: "This request did not come from Nerava.",
      });
    }
  });

  it("let the site's own origin (or the forwarded host's) through to Next", async () => {
    const own = await action({ origin: "http://localhost:3000", host: "localhost:3000" });
    expect(own.status).not.toBe(403);
    const forwarded = await action({
      origin: "https://nerava.app",
      host: "10.0.0.5:3000",
      "x-forwarded-host": "nerava.app",
    });
    expect(forwarded.status).not.toBe(403);
  });
});

describe("proxy: control characters in the URL", () => {
  it("a path segment with one names nothing (404), on pages and API routes alike", async () => {
    for (const path of ["/app/codes/%00", "/admin/claims/a%0Db", "/api/me/sessions/%00", "/admin/ledger/%7F"]) {
      const res = await get(path, { cookie: "nerava.session=x" });
      expect(res.status, path).toBe(404);
      expect((await res.json()).error.code).toBe("not_found");
    }
  });

  it("a path segment that does not decode (%ff, a lone %) is a 400, not Next's bare 500", async () => {
    for (const path of ["/api/wallet/apple/v1/passes/x/%ff", "/api/discovery/chargers/%/places", "/app/%E0%A4%A"]) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect((await res.json()).error.code).toBe("malformed_request");
    }
  });

  it("a query value with NUL is a 400; tab, CR and LF are left to the page's own checks", async () => {
    expect((await get("/admin/users?q=%00", { cookie: "nerava.session=x" })).status).toBe(400);
    expect((await get("/signin?callbackUrl=%01")).status).toBe(400);
    for (const path of ["/auth/continue?to=/%0d%0a/x", "/signin?callbackUrl=/%09/evil.example", "/admin/users?q=a%20b"])
      expect((await get(path, { cookie: "nerava.session=x" })).status, path).toBe(200);
  });
});

describe("proxy: Content-Security-Policy with a nonce per request, HSTS in production", () => {
  const nonceOf = (csp: string | null) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp ?? "")?.[1];

  it("every response carries the policy; each request gets a fresh nonce, passed on to Next", async () => {
    const seen = new Set<string>();
    for (const path of ["/", "/signin", "/app", "/admin", "/api/auth/session", "/app/codes/%00"]) {
      const res = await get(path, { "x-nonce": "attacker", "content-security-policy": "script-src *" });
      const csp = res.headers.get("content-security-policy");
      const nonce = nonceOf(csp);
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seen.add(nonce!);
      expect(csp).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      for (const directive of [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self' https://pay.google.com",
        "frame-ancestors 'none'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "img-src 'self' data: blob:",
      ])
        expect(csp, path).toContain(directive);
      expect(csp).not.toContain("unsafe-eval");
      // the request Next renders carries our policy and nonce, not the client's
      if (res.headers.get("x-middleware-next")) {
        expect(res.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
        expect(res.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
      }
    }
    expect(seen.size).toBe(6);
  });

  it("HSTS only in production; eval only in development", async () => {
    expect((await get("/")).headers.get("strict-transport-security")).toBeNull();
    vi.stubEnv("NODE_ENV", "production");
    expect((await get("/")).headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
    vi.stubEnv("NODE_ENV", "development");
    expect((await get("/")).headers.get("content-security-policy")).toMatch(/'strict-dynamic' 'unsafe-eval';/);
    vi.unstubAllEnvs();
  });

  it("lets map tiles load from MAP_TILE_URL's host, and upgrades requests when served over https", async () => {
    vi.stubEnv("MAP_TILE_URL", "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png");
    vi.stubEnv("NEXTAUTH_URL", "https://app.nerava.example");
    const csp = (await get("/app")).headers.get("content-security-policy")!;
    expect(csp).toContain("img-src 'self' data: blob: https://*.tile.openstreetmap.org;");
    expect(csp).toMatch(/; upgrade-insecure-requests$/);
    vi.unstubAllEnvs();
  });
});

describe("tileSource", () => {
  it("reads the host of a tile URL template", () => {
    expect(tileSource("https://tiles.example.com/{z}/{x}/{y}.png")).toBe("https://tiles.example.com");
    expect(tileSource("http://127.0.0.1:8080/{z}/{x}/{y}.png")).toBe("http://127.0.0.1:8080");
    expect(tileSource("https://{s}.tile.osm.org/{z}/{x}/{y}.png")).toBe("https://*.tile.osm.org");
    for (const bad of [undefined, "", "/tiles/{z}.png", "https://a b/", "https://x.example;script-src *"])
      expect(tileSource(bad), String(bad)).toBeNull();
  });
});

describe("proxy: which requests it runs on (its matcher, compiled as Next compiles it)", () => {
  // Next's own matcher compiler (internal, so untyped): the paths are tested as Next will match them
  const { getMiddlewareMatchers } = staticInfo as unknown as {
    getMiddlewareMatchers: (matcher: unknown, config: unknown) => { regexp: string }[];
  };
  const runsOn = (() => {
    const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
    return (path: string) => matchers.some((re) => re.test(path));
  })();
  const expectRuns = (runs: boolean, paths: string[]) => {
    for (const path of paths) expect(runsOn(path), path).toBe(runs);
  };

  it("every page, server action and next-auth route", () => {
    expectRuns(true, [
      "/",
      "/signin",
      "/app/charge",
      "/admin/users",
      "/merchant",
      "/api/auth/session",
      "/api/auth/callback/email",
    ]);
  });

  it("not the JSON API: route() sets what the proxy would (the proxy costs ~0.7 ms a request)", () => {
    expectRuns(false, [
      "/api/health",
      "/api/admin/grants",
      "/api/offers/cmx1/redeem",
      "/api/discovery/nearby",
      "/api/nothing",
    ]);
  });

  it("not the static files it leaves out, but a path that only starts like one (an HTML 404 needs the CSP)", () => {
    expectRuns(false, [
      "/_next/static/chunks/a.js",
      "/_next/image",
      "/favicon.ico",
      "/icon.svg",
      "/manifest.webmanifest",
    ]);
    expectRuns(true, [
      "/favicon.icox",
      "/icon.svg.x",
      "/manifest.webmanifestx",
      "/_next/imagex",
      "/_next/staticx",
      "/favicon.ico/x",
    ]);
  });

  it("but an API path with a %-escape, which Next alone would answer with a bare 500 when it does not decode", async () => {
    const paths = ["/api/offers/%ff/redeem", "/api/discovery/chargers/%/places", "/api/me/sessions/%00"];
    expectRuns(true, paths);
    for (const path of paths) {
      const res = await get(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get("content-security-policy"), path).toBe(API_POLICY);
    }
  });
});

describe("next.config: the API's headers on the answers Next gives without a handler (405, OPTIONS)", () => {
  it("are the API policy and, in production, HSTS — the same values route() and the proxy use", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.resetModules();
    try {
      const { default: nextConfig } = await import("../../next.config.mjs");
      const rules = (await nextConfig.headers?.()) ?? [];
      const api = rules.filter((r: { source: string }) => r.source.startsWith("/api"));
      expect(api.map((r: { source: string }) => r.source)).toEqual(["/api", "/api/:path((?!auth/).*)"]);
      for (const rule of api)
        expect(Object.fromEntries(rule.headers.map((h: { key: string; value: string }) => [h.key, h.value]))).toEqual({
          "Content-Security-Policy": API_POLICY,
          "Strict-Transport-Security": HSTS,
        });
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
