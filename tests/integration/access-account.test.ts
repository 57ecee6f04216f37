import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as me } from "@/app/api/me/route";
import { GET as mySessions } from "@/app/api/me/sessions/route";
import { DELETE as deleteSession } from "@/app/api/me/sessions/[id]/route";
import { changePassword, listSessions, revokeSession } from "@/lib/auth";
import { actAs, refusedWith, run } from "../support/actions";
import { actorFor, createUser, fakeMeta, signedIn, testDb } from "../support/factories";
import { call } from "../support/request";

// Auth and account family: every handler and action as another person (their session id →
// 404, nothing ends) and signed out (401). account:manage is held by every role, so there is no
// wrong role here: each of the three roles is shown to manage only their own account. The
// sign-in, sign-up, link, code and reset actions are public and act on no one's data by id.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const accountActions = {
  ...(await import("@/lib/actions/account/sign-out")),
  ...(await import("@/lib/actions/account/sign-out-everywhere")),
  ...(await import("@/lib/actions/account/revoke-session")),
  ...(await import("@/lib/actions/account/change-password")),
};

afterAll(() => testDb.$disconnect());
beforeEach(() => actAs(""));

const ORIGIN = "http://localhost:3000";
const PASSWORD = "a long enough passphrase";

describe("account handlers", () => {
  it("another person's session id is 404 to every role, and the session stays", async () => {
    const alice = await signedIn((await createUser()).id);
    for (const role of ["DRIVER", "MERCHANT", "ADMIN"] as const) {
      const other = await signedIn((await createUser({ role })).id);
      const res = await call(deleteSession, {
        method: "DELETE",
        params: { id: alice.sessionId },
        headers: { cookie: other.cookie, origin: ORIGIN },
      });
      expect(res.status, role).toBe(404);
      const listed = await (await call(mySessions, { headers: { cookie: other.cookie } })).json();
      expect(listed.sessions.map((s: { id: string }) => s.id)).not.toContain(alice.sessionId);
    }
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
  });

  it("signed out, every account handler answers 401", async () => {
    const alice = await signedIn((await createUser()).id);
    expect((await call(me)).status).toBe(401);
    expect((await call(mySessions)).status).toBe(401);
    const res = await call(deleteSession, {
      method: "DELETE",
      params: { id: alice.sessionId },
      headers: { origin: ORIGIN },
    });
    expect(res.status).toBe(401);
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
  });
});

describe("account actions", () => {
  it("another person's session id is not found, and the revoke is not audited", async () => {
    const alice = await signedIn((await createUser()).id);
    const bob = await createUser({ role: "MERCHANT" });
    actAs((await signedIn(bob.id)).sessionToken);
    expect(await run(accountActions.revokeSessionAction, { sessionId: alice.sessionId })).toEqual(
      refusedWith("not_found"),
    );
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
    expect(await testDb.auditLog.count({ where: { action: "auth.session_revoked", targetId: alice.sessionId } })).toBe(
      0,
    );
  });

  it("signed out, every account action except sign-out is refused as unauthorized", async () => {
    const alice = await signedIn((await createUser({ password: PASSWORD })).id);
    const forms: [Parameters<typeof run>[0], Record<string, string>][] = [
      [accountActions.signOutEverywhereAction, {}],
      [accountActions.revokeSessionAction, { sessionId: alice.sessionId }],
      [accountActions.changePasswordAction, { currentPassword: PASSWORD, newPassword: "another long passphrase" }],
    ];
    for (const [act, fields] of forms) expect(await run(act, fields)).toEqual(refusedWith("unauthorized"));
    // signing out with no session just lands on the sign-in page
    expect(await run(accountActions.signOutAction, {})).toEqual({ redirect: "/signin?signedOut=1" });
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
  });

  it("signing out everywhere ends only the caller's own sessions", async () => {
    const alice = await signedIn((await createUser()).id);
    const bob = await createUser();
    const bobSession = await signedIn(bob.id);
    await signedIn(bob.id);
    actAs(bobSession.sessionToken);
    expect(await run(accountActions.signOutEverywhereAction, {})).toEqual({ redirect: "/signin?signedOut=all" });
    expect(await testDb.session.count({ where: { userId: bob.id } })).toBe(0);
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
  });
});

describe("account domain functions decide access themselves", () => {
  it("revoking, listing and changing a password act on the actor's own account only", async () => {
    const alice = await createUser({ password: PASSWORD });
    const aliceSession = await signedIn(alice.id);
    const bob = await createUser();
    await expect(revokeSession(actorFor(bob), aliceSession.sessionId, fakeMeta())).rejects.toMatchObject({
      status: 404,
    });
    expect((await listSessions(actorFor(bob))).map((s) => s.id)).not.toContain(aliceSession.sessionId);
    // bob's password change ends bob's other sessions, never alice's
    await changePassword(
      actorFor(bob),
      "none",
      { currentPassword: "", newPassword: "bob's new passphrase" },
      fakeMeta(),
    );
    expect(await testDb.session.count({ where: { id: aliceSession.sessionId } })).toBe(1);
    await revokeSession(actorFor(alice), aliceSession.sessionId, fakeMeta());
    expect(await testDb.session.count({ where: { id: aliceSession.sessionId } })).toBe(0);
  });
});
