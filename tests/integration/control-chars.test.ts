import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser, signedIn, testDb, uid } from "../support/factories";
import { NextRequest } from "next/server";
import { call } from "../support/request";

// Server actions read the request from next/headers: stand in a browser's.
const browser = { cookie: "", headers: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => browser.headers,
  cookies: async () => ({
    get: (name: string) => (browser.cookie && name === "nerava.session" ? { name, value: browser.cookie } : undefined),
    set: () => undefined,
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const { GET: me } = await import("@/app/api/me/route");
const { GET: mySessions } = await import("@/app/api/me/sessions/route");
const { DELETE: deleteSession } = await import("@/app/api/me/sessions/[id]/route");
const { GET: walletStatement } = await import("@/app/api/wallet/statement/route");
const { GET: merchantSummary } = await import("@/app/api/merchants/[merchantId]/summary/route");
const { POST: grant } = await import("@/app/api/admin/grants/route");
const { POST: suspend } = await import("@/app/api/admin/users/[id]/suspend/route");
const { signUpAction } = await import("@/lib/actions/auth/sign-up");
const { changeRoleAction } = await import("@/lib/actions/admin/change-role");
const { suspendUserAction } = await import("@/lib/actions/admin/suspend-user");
const { revokeSessionAction } = await import("@/lib/actions/account/revoke-session");

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  browser.cookie = "";
  browser.headers = new Headers({ "user-agent": "vitest" });
});

const ORIGIN = "http://localhost:3000";
const NUL = "\u0000";

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

describe("a session cookie with a NUL byte is no session", () => {
  it("every authenticated route answers 401, never 500", async () => {
    for (const cookie of ["nerava.session=%00", `nerava.session=${"%00".repeat(40)}`, "nerava.session=a%00b"]) {
      for (const [name, handler, params] of [
        ["/api/me", me, {}],
        ["/api/me/sessions", mySessions, {}],
        ["/api/wallet/statement", walletStatement, {}],
        ["/api/merchants/[merchantId]/summary", merchantSummary, { merchantId: "m1" }],
      ] as const) {
        const res = await call(handler, { headers: { cookie }, params });
        expect(res.status, `${name} with ${cookie}`).toBe(401);
        expect((await res.json()).error.code).toBe("unauthorized");
      }
    }
  });

  it("a server action reads it as signed out", async () => {
    browser.cookie = NUL;
    const res = await revokeSessionAction(null, form({ sessionId: "x" }));
    expect(res).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });

  it("next-auth's adapter (the same cookie) reads it as no session and does not fail", async () => {
    const { authOptions } = await import("@/lib/auth/next-auth");
    const adapter = authOptions().adapter!;
    await expect(adapter.getSessionAndUser!(NUL)).resolves.toBeNull();
    await expect(adapter.deleteSession!(NUL)).resolves.toBeUndefined();
  });
});

describe("a path id with a control character names nothing", () => {
  it("DELETE /api/me/sessions/%00 is a 404 and deletes nothing", async () => {
    const user = await createUser();
    const s = await signedIn(user.id);
    for (const id of [NUL, `${s.sessionId}${NUL}`, "\r\n", "x".repeat(500)]) {
      const res = await call(deleteSession, {
        method: "DELETE",
        params: { id },
        headers: { cookie: s.cookie, origin: ORIGIN },
      });
      expect(res.status, JSON.stringify(id)).toBe(404);
    }
    expect(await testDb.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await testDb.auditLog.count({ where: { actorId: user.id, action: "auth.session_revoked" } })).toBe(0);
  });
});

describe("a JSON field with a control character is refused before anything is written", () => {
  it("grant: 422 with a clear message, no money moved", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const driver = await createUser();
    const res = await call(grant, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
      body: { driverId: driver.id, amount: 5, reason: `thanks${NUL}`, idempotencyKey: `key-${uid()}-${uid()}` },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toEqual({
      code: "invalid_input",
      message: "reason: Text may not contain control characters.",
    });
    // no content-type: handlers parse the body as JSON anyway, so the check does too
    const untyped = await call(grant, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: ORIGIN },
      body: { driverId: `${driver.id}${NUL}`, amount: 5, reason: "thanks", idempotencyKey: `key-${uid()}-${uid()}` },
    });
    expect(untyped.status).toBe(422);
    // a form content type on a JSON body (the probe's 500): checked as the handler reads it, as JSON
    const mislabelled = await call(grant, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      body: { driverId: driver.id, amount: 1, reason: `nul ${NUL} here`, idempotencyKey: `key-${uid()}-${uid()}` },
    });
    expect(mislabelled.status).toBe(422);
    expect(await testDb.ledgerAccount.count({ where: { ownerId: driver.id } })).toBe(0);
  });

  it("a body past the route's limit is a 413 before anything parses it, even without a Content-Length", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const huge = JSON.stringify({ reason: `x${NUL}`.repeat(40_000) }); // > 64 KB, with a NUL to find
    const stream = new Blob([huge]).stream(); // streamed: no Content-Length to refuse by
    const res = await grant(
      new NextRequest(new URL("/api/admin/grants", ORIGIN), {
        method: "POST",
        headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as ConstructorParameters<typeof NextRequest>[1]),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("payload_too_large");
  });

  it("suspend: a NUL in the reason is refused; a line break in a reason is fine", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const target = await createUser();
    const post = (reason: string) =>
      call(suspend, {
        method: "POST",
        params: { id: target.id },
        headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
        body: { reason },
      });
    expect((await post(`abuse${NUL}`)).status).toBe(422);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
    expect((await post("Abuse report.\r\nSecond line.")).status).toBe(200);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("SUSPENDED");
  });

  it("a lone UTF-16 surrogate (which jsonb refuses) is refused the same way, not a 500", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const driver = await createUser();
    const res = await call(grant, {
      method: "POST",
      headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
      body: { driverId: driver.id, amount: 5, reason: "abc\ud800x", idempotencyKey: `key-${uid()}-${uid()}` },
    });
    expect(res.status).toBe(422);
    expect(await testDb.ledgerAccount.count({ where: { ownerId: driver.id } })).toBe(0);
    const target = await createUser();
    const suspended = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: admin.cookie, origin: ORIGIN, "content-type": "application/json" },
      body: { reason: "a\udc00b" },
    });
    expect(suspended.status).toBe(422);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("a control character in a query value is a 400", async () => {
    const s = await signedIn((await createUser()).id);
    const res = await call(walletStatement, { path: "/api/wallet/statement?from=%00", headers: { cookie: s.cookie } });
    expect(res.status).toBe(400);
  });
});

describe("a form field with a control character is a field error, and nothing is written", () => {
  it("sign-up with a NUL in the name or email creates no account", async () => {
    for (const [field, value] of [
      ["name", `Bob${NUL}`],
      ["name", "Bob\nSmith"],
      ["email", `bob-${uid()}@test.local${NUL}`],
      ["password", `long enough password${NUL}`],
    ]) {
      const email = `bob-${uid()}@test.local`;
      const fields = { name: "Bob", email, password: "long enough password", [field]: value };
      const res = await signUpAction(null, form(fields));
      expect(res, `${field}=${JSON.stringify(value)}`).toEqual({
        ok: false,
        error: {
          code: "invalid_input",
          message: "Text may not contain control characters.",
          fields: { [field]: "Text may not contain control characters." },
        },
      });
      expect(await testDb.user.count({ where: { email } })).toBe(0);
    }
  });

  it("admin actions refuse a NUL id; a free-text reason may keep its line breaks", async () => {
    const admin = await createUser({ role: "ADMIN" });
    browser.cookie = (await signedIn(admin.id)).sessionToken;
    const target = await createUser();
    const bad = await changeRoleAction(null, form({ userId: `${target.id}${NUL}`, role: "MERCHANT" }));
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { userId: expect.any(String) } } });
    const nulReason = await suspendUserAction(null, form({ userId: target.id, reason: `spam${NUL}` }));
    expect(nulReason).toMatchObject({
      ok: false,
      error: { code: "invalid_input", fields: { reason: expect.any(String) } },
    });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).role).toBe("DRIVER");
    const ok = await suspendUserAction(null, form({ userId: target.id, reason: "Spam.\r\nReported twice." }));
    expect(ok).toMatchObject({ ok: true });
  });
});
