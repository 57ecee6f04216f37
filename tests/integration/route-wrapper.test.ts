import { afterAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { json, route } from "@/lib/http";
import { call } from "../support/request";
import { createUser, signedIn, testDb } from "../support/factories";

afterAll(() => testDb.$disconnect());

const ORIGIN = "http://localhost:3000";

// Test handlers built with the one wrapper: each echoes what the wrapper handed it.
const echo = route(
  {
    name: "/test/echo/[id]",
    permission: "driver:use",
    body: z.object({ amount: z.number().int().positive() }),
    query: z.object({ page: z.coerce.number().int().min(1).default(1) }),
    params: z.object({ id: z.string().min(3) }),
  },
  async ({ session, actor, body, query, params, meta, requestId }) => ({
    userId: session.user.id,
    actor,
    body,
    query,
    params,
    metaRequestId: meta.requestId,
    requestId,
  }),
);
const publicPost = route({ name: "/test/public", permission: "public" }, async ({ session, actor }) => ({
  session,
  actor,
}));
const webhook = route({ name: "/test/webhook", permission: "public", sameOrigin: false }, async ({ req }) =>
  json({ raw: await req.text() }, 202),
);
const failing = route({ name: "/test/failing", permission: "public" }, async () => {
  throw new Error("SELECT secret FROM users -- leaked?");
});
const limited = route({ name: "/test/limited", permission: "public" }, async () => {
  throw new AppError("rate_limited", "Too many attempts. Try again in a minute.", { "Retry-After": "42" });
});

async function driver() {
  const user = await createUser();
  return { user, session: await signedIn(user.id) };
}

describe("route(): who is asking", () => {
  it("checks session (401), then permission (403), then origin (403), before parsing anything", async () => {
    const bad = { method: "POST", params: { id: "x" }, body: "not json" };
    const signedOut = await call(echo, { ...bad, headers: { origin: "https://evil.example" } });
    expect(signedOut.status).toBe(401);
    const wrongRole = await call(
      route({ name: "/t", permission: "admin:grant" }, async () => ({})),
      {
        headers: { cookie: (await driver()).session.cookie },
      },
    );
    expect(wrongRole.status).toBe(403);
    expect((await wrongRole.json()).error.code).toBe("forbidden");
    const { session } = await driver();
    const foreign = await call(echo, { ...bad, headers: { cookie: session.cookie, origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.code).toBe("bad_origin");
  });

  it("hands the handler a typed context and answers a plain value as JSON 200, not cached", async () => {
    const { user, session } = await driver();
    const res = await call(echo, {
      method: "POST",
      path: "/test/echo/abc?page=3&page=9",
      params: { id: "abc" },
      headers: { cookie: session.cookie, origin: ORIGIN, "x-request-id": "trace-route-0001" },
      body: { amount: 5 },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(res.headers.get("x-request-id")).toBe("trace-route-0001");
    expect(await res.json()).toEqual({
      userId: user.id,
      actor: { userId: user.id, role: "DRIVER" },
      body: { amount: 5 },
      query: { page: 3 },
      params: { id: "abc" },
      metaRequestId: "trace-route-0001",
      requestId: "trace-route-0001",
    });
  });

  it("a public route does not look the session up, and still checks the origin of a POST", async () => {
    const { session } = await driver();
    const ok = await call(publicPost, { method: "POST", headers: { cookie: session.cookie, origin: ORIGIN } });
    expect(await ok.json()).toEqual({ session: null, actor: null });
    const foreign = await call(publicPost, { method: "POST", headers: { origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
  });

  it("sameOrigin: false lets a provider's POST through and passes a returned Response as it is", async () => {
    const res = await call(webhook, { method: "POST", headers: { origin: "https://provider.example" }, body: "a=1" });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ raw: "a=1" });
  });
});

describe("route(): input", () => {
  const post = async (body: unknown, path = "/test/echo/abc") => {
    const { session } = await driver();
    return call(echo, {
      method: "POST",
      path,
      params: { id: "abc" },
      headers: { cookie: session.cookie, origin: ORIGIN },
      body,
    });
  };

  it("a body that is not JSON (or no body at all) is 400 malformed_request", async () => {
    for (const body of ["{", "", "amount=5"]) {
      const res = await post(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).error).toEqual({
        code: "malformed_request",
        message: "The request body must be JSON.",
      });
    }
  });

  it("a body over 64 KB is 413, declared or not", async () => {
    const big = JSON.stringify({ amount: 5, pad: "x".repeat(70 * 1024) });
    const res = await post(big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
    expect((await post({ amount: 5, pad: "x".repeat(60 * 1024) })).status).not.toBe(413);
  });

  it("a body, query or path the schema refuses is 422 invalid_input naming the field", async () => {
    const body = await post({ amount: "5" });
    expect(body.status).toBe(422);
    expect((await body.json()).error).toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^amount: /),
    });
    const query = await post({ amount: 5 }, "/test/echo/abc?page=0");
    expect(query.status).toBe(422);
    expect((await query.json()).error.message).toMatch(/^page: /);
    const { session } = await driver();
    const params = await call(echo, {
      method: "POST",
      params: { id: "x" },
      headers: { cookie: session.cookie, origin: ORIGIN },
      body: { amount: 5 },
    });
    expect(params.status).toBe(422);
    expect((await params.json()).error.message).toMatch(/^id: /);
  });
});

describe("route(): errors", () => {
  it("an unknown error is a 500 with the generic message and the request id, never its own message", async () => {
    const res = await call(failing, { headers: { "x-request-id": "trace-route-0500" } });
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "internal", requestId: "trace-route-0500" });
    expect(JSON.stringify(body)).not.toMatch(/SELECT|secret/);
  });

  it("a known error keeps its status, message and headers", async () => {
    const res = await call(limited);
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("42");
    expect((await res.json()).error.code).toBe("rate_limited");
  });
});

describe("json(): compression only where it pays", () => {
  it("a small body opts out of Next's gzip (no-transform); a body past 1 KB is left to it", async () => {
    const small = json({ status: "ok" }, 201, { "Retry-After": "1" });
    expect(small.status).toBe(201);
    expect(small.headers.get("content-type")).toBe("application/json");
    expect(small.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(small.headers.get("retry-after")).toBe("1");
    expect(await small.json()).toEqual({ status: "ok" });
    const large = json({ rows: "x".repeat(2000) });
    expect(large.headers.get("cache-control")).toBe("no-store");
    expect((await large.json()).rows).toHaveLength(2000);
  });
});

describe("route(): the security headers the proxy gives pages (it does not run on the API)", () => {
  const page = route(
    { name: "/test/page", permission: "public" },
    async () =>
      new Response("<p>consent</p>", {
        headers: { "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'" },
      }),
  );

  it("every answer, errors too, allows nothing to load or frame it, and HSTS goes out in production", async () => {
    vi.stubEnv("NODE_ENV", "production");
    try {
      for (const [handler, status] of [
        [publicPost, 200],
        [failing, 500],
        [limited, 429],
      ] as const) {
        const res = await call(handler, { headers: { origin: ORIGIN } });
        expect(res.status).toBe(status);
        expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      }
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await call(publicPost)).headers.get("strict-transport-security")).toBeNull();
  });

  it("a handler's own policy (a sandbox page's) is kept", async () => {
    const res = await call(page);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
  });
});
