import { afterAll, describe, expect, it } from "vitest";
import { findSession } from "@/lib/auth/sessions";
import { createUser, signedIn, testDb } from "../support/factories";

// findSession is one statement (the session joined to its user, the sliding-expiry touch as a
// data-modifying CTE): each refusal it must still make, and the touch only on a live session.

afterAll(() => testDb.$disconnect());

const meta = { userAgent: "Phone/1.0", ip: "198.51.100.7" };
const longAgo = new Date(Date.now() - 60 * 60 * 1000);
const row = (id: string) => testDb.session.findUnique({ where: { id } });

describe("the one-statement session lookup", () => {
  it("answers a live session with its user, role included", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const s = await signedIn(admin.id);
    expect(await findSession(s.sessionToken, meta)).toEqual({
      sessionId: s.sessionId,
      user: { id: admin.id, email: admin.email, phone: null, name: admin.name, role: "ADMIN" },
    });
  });

  it("refuses a revoked session on the very next lookup", async () => {
    const s = await signedIn((await createUser()).id);
    expect(await findSession(s.sessionToken, meta)).not.toBeNull();
    await testDb.session.delete({ where: { id: s.sessionId } });
    expect(await findSession(s.sessionToken, meta)).toBeNull();
  });

  it("refuses an expired session, and does not touch it", async () => {
    const s = await signedIn((await createUser()).id);
    await testDb.session.update({
      where: { id: s.sessionId },
      data: { expires: new Date(Date.now() - 1000), lastSeenAt: longAgo },
    });
    expect(await findSession(s.sessionToken, meta)).toBeNull();
    expect((await row(s.sessionId))?.lastSeenAt).toEqual(longAgo);
  });

  it("refuses a suspended user's session, and does not touch it", async () => {
    const user = await createUser();
    const s = await signedIn(user.id);
    await testDb.session.update({ where: { id: s.sessionId }, data: { lastSeenAt: longAgo } });
    await testDb.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    expect(await findSession(s.sessionToken, meta)).toBeNull();
    expect(await row(s.sessionId)).toMatchObject({ lastSeenAt: longAgo, userAgent: null, ip: null });
  });

  it("refuses a token of the wrong shape or an unknown one", async () => {
    expect(await findSession("short", meta)).toBeNull();
    expect(await findSession("a\u0000".repeat(20), meta)).toBeNull();
    expect(await findSession("unknown-token-0123456789abcdef", meta)).toBeNull();
  });

  it("records the device on first use, and touches only when due", async () => {
    const s = await signedIn((await createUser()).id);
    expect(await findSession(s.sessionToken, meta)).not.toBeNull();
    const first = await row(s.sessionId);
    expect(first).toMatchObject({ userAgent: "Phone/1.0", ip: "198.51.100.7" });
    // not due: another device's request changes nothing
    expect(await findSession(s.sessionToken, { userAgent: "Other/2.0", ip: "203.0.113.9" })).not.toBeNull();
    expect(await row(s.sessionId)).toEqual(first);
    // due (last seen an hour ago): the time moves, the device stays the first one
    await testDb.session.update({ where: { id: s.sessionId }, data: { lastSeenAt: longAgo } });
    const before = Date.now();
    expect(await findSession(s.sessionToken, { userAgent: "Other/2.0", ip: "203.0.113.9" })).not.toBeNull();
    const touched = await row(s.sessionId);
    expect(touched?.lastSeenAt.getTime()).toBeGreaterThanOrEqual(before);
    expect(touched).toMatchObject({ userAgent: "Phone/1.0", ip: "198.51.100.7" });
  });
});
