import { afterAll, describe, expect, it } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { GET as mySessions } from "@/app/api/me/sessions/route";
import { DELETE as deleteSession } from "@/app/api/me/sessions/[id]/route";
import { POST as suspend } from "@/app/api/admin/users/[id]/suspend/route";
import { GET as merchantSummary } from "@/app/api/merchants/[merchantId]/summary/route";
import { call } from "../support/request";
import { createMerchant, createUser, signedIn, testDb } from "../support/factories";

afterAll(() => testDb.$disconnect());

const ORIGIN = "http://localhost:3000";
const BYPASS = {
  "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware",
};

describe("sessions are checked on every request", () => {
  it("a revoked session is refused on its very next request", async () => {
    const driver = await createUser();
    const s = await signedIn(driver.id);
    expect((await call(me, { headers: { cookie: s.cookie } })).status).toBe(200);
    const res = await call(deleteSession, {
      method: "DELETE",
      params: { id: s.sessionId },
      headers: { cookie: s.cookie, origin: ORIGIN },
    });
    expect(res.status).toBe(200);
    expect((await call(me, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("an expired session is refused", async () => {
    const driver = await createUser();
    const s = await signedIn(driver.id);
    await testDb.session.update({ where: { id: s.sessionId }, data: { expires: new Date(Date.now() - 1000) } });
    expect((await call(me, { headers: { cookie: s.cookie } })).status).toBe(401);
  });

  it("lists only the caller's own sessions and marks the current one", async () => {
    const driver = await createUser();
    const a = await signedIn(driver.id);
    await signedIn(driver.id);
    await signedIn((await createUser()).id);
    const body = await (await call(mySessions, { headers: { cookie: a.cookie } })).json();
    expect(body.sessions).toHaveLength(2);
    expect(body.sessions.filter((s: { current: boolean }) => s.current).map((s: { id: string }) => s.id)).toEqual([
      a.sessionId,
    ]);
  });
});

describe("object-level checks", () => {
  it("a driver cannot end another driver's session by changing the id", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const aliceSession = await signedIn(alice.id);
    const bobSession = await signedIn(bob.id);
    const res = await call(deleteSession, {
      method: "DELETE",
      params: { id: aliceSession.sessionId },
      headers: { cookie: bobSession.cookie, origin: ORIGIN },
    });
    expect(res.status).toBe(404);
    expect((await call(me, { headers: { cookie: aliceSession.cookie } })).status).toBe(200);
  });

  it("a merchant cannot read another merchant's summary", async () => {
    const owner = await createUser({ role: "MERCHANT" });
    const other = await createUser({ role: "MERCHANT" });
    const mine = await createMerchant(owner.id);
    const theirs = await createMerchant(other.id);
    const s = await signedIn(owner.id);
    expect(
      (await call(merchantSummary, { params: { merchantId: mine.id }, headers: { cookie: s.cookie } })).status,
    ).toBe(200);
    const res = await call(merchantSummary, { params: { merchantId: theirs.id }, headers: { cookie: s.cookie } });
    expect(res.status).toBe(404);
    expect(JSON.stringify(await res.json())).not.toContain(theirs.name);
  });
});

describe("role checks on merchant and admin handlers", () => {
  it("refuses no session (401) and a driver (403), header tricks included", async () => {
    const merchant = await createMerchant();
    const driver = await signedIn((await createUser()).id);
    const target = await createUser();
    const cases = [
      () => call(merchantSummary, { params: { merchantId: merchant.id }, headers: BYPASS }),
      () =>
        call(suspend, {
          method: "POST",
          params: { id: target.id },
          headers: { ...BYPASS, origin: ORIGIN },
          body: { reason: "x" },
        }),
    ];
    for (const make of cases) expect((await make()).status).toBe(401);
    expect(
      (
        await call(merchantSummary, {
          params: { merchantId: merchant.id },
          headers: { cookie: driver.cookie, ...BYPASS },
        })
      ).status,
    ).toBe(403);
    const asDriver = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: driver.cookie, origin: ORIGIN, ...BYPASS },
      body: { reason: "x" },
    });
    expect(asDriver.status).toBe(403);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("refuses a forged or null Origin on a cookie-authenticated change", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const target = await createUser();
    for (const origin of ["https://evil.example", "null"]) {
      const res = await call(suspend, {
        method: "POST",
        params: { id: target.id },
        headers: { cookie: admin.cookie, origin },
        body: { reason: "x" },
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("bad_origin");
    }
    const crossSite = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: admin.cookie, "sec-fetch-site": "cross-site" },
      body: { reason: "x" },
    });
    expect(crossSite.status).toBe(403);
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });

  it("an admin's suspension ends every session of the user at once, and is audited", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const target = await createUser();
    const t1 = await signedIn(target.id);
    const t2 = await signedIn(target.id);
    const res = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: admin.cookie, origin: ORIGIN },
      body: { reason: "chargeback fraud" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ endedSessions: 2 });
    for (const s of [t1, t2]) expect((await call(me, { headers: { cookie: s.cookie } })).status).toBe(401);
    const audit = await testDb.auditLog.findFirst({ where: { action: "admin.user_suspended", targetId: target.id } });
    expect(audit?.metadata).toMatchObject({ reason: "chargeback fraud", endedSessions: 2 });
  });

  it("answers bad input with 422 and a readable message, not 500", async () => {
    const admin = await signedIn((await createUser({ role: "ADMIN" })).id);
    const target = await createUser();
    const res = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: admin.cookie, origin: ORIGIN },
      body: {},
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.message).toMatch(/reason/);
    // a body that is not JSON at all is a malformed request (400), still with a readable message
    const malformed = await call(suspend, {
      method: "POST",
      params: { id: target.id },
      headers: { cookie: admin.cookie, origin: ORIGIN },
      body: "{",
    });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatchObject({
      code: "malformed_request",
      message: expect.stringMatching(/JSON/),
    });
    expect((await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("ACTIVE");
  });
});
