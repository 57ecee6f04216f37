import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createUser, signedIn, testDb } from "../support/factories";

// Server actions read the session from next/headers; stand in a browser's request.
const request = { cookie: "", headers: new Headers() };
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    get: (name: string) => (request.cookie && name === "nerava.session" ? { name, value: request.cookie } : undefined),
    set: () => undefined,
  }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

// Behind one proxy, which appends the address it saw: that entry is the client's (see request-meta).
process.env.TRUSTED_PROXY_HOPS = "1";

const adminActions = {
  ...(await import("@/lib/actions/admin/suspend-user")),
  ...(await import("@/lib/actions/admin/reinstate-user")),
  ...(await import("@/lib/actions/admin/change-role")),
};
const accountActions = {
  ...(await import("@/lib/actions/account/sign-out-everywhere")),
  ...(await import("@/lib/actions/account/revoke-session")),
  ...(await import("@/lib/actions/account/change-password")),
};

afterAll(() => testDb.$disconnect());
beforeEach(() => {
  request.cookie = "";
  request.headers = new Headers({ "x-forwarded-for": "192.0.2.10", "user-agent": "vitest" });
});

function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

const ADMIN_ACTIONS = {
  suspendUserAction: adminActions.suspendUserAction,
  reinstateUserAction: adminActions.reinstateUserAction,
  changeRoleAction: adminActions.changeRoleAction,
};

describe("admin actions", () => {
  it("every one refuses a visitor with no session and a driver, and changes nothing", async () => {
    const target = await createUser();
    const driver = await signedIn((await createUser()).id);
    const input = form({ userId: target.id, reason: "test", role: "ADMIN" });
    for (const [name, act] of Object.entries(ADMIN_ACTIONS)) {
      request.cookie = "";
      expect(await act(null, input), `${name} signed out`).toEqual({
        ok: false,
        error: expect.objectContaining({ code: "unauthorized" }),
      });
      request.cookie = driver.sessionToken;
      expect(await act(null, input), `${name} as driver`).toEqual({
        ok: false,
        error: expect.objectContaining({ code: "forbidden" }),
      });
    }
    expect(await testDb.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "DRIVER",
      status: "ACTIVE",
    });
  });

  it("a merchant is refused too", async () => {
    const merchant = await signedIn((await createUser({ role: "MERCHANT" })).id);
    request.cookie = merchant.sessionToken;
    const res = await adminActions.suspendUserAction(null, form({ userId: (await createUser()).id, reason: "x" }));
    expect(res).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("an admin changes a role and it is audited; bad input is a field message", async () => {
    const admin = await createUser({ role: "ADMIN" });
    request.cookie = (await signedIn(admin.id)).sessionToken;
    const target = await createUser();
    expect(await adminActions.changeRoleAction(null, form({ userId: target.id, role: "MERCHANT" }))).toEqual({
      ok: true,
      data: { role: "MERCHANT" },
    });
    expect(
      await testDb.auditLog.findFirst({ where: { action: "admin.role_changed", targetId: target.id } }),
    ).toMatchObject({
      actorId: admin.id,
      metadata: { from: "DRIVER", to: "MERCHANT" },
      ip: "192.0.2.10",
    });
    const bad = await adminActions.changeRoleAction(null, form({ userId: target.id, role: "ROOT" }));
    expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", fields: { role: expect.any(String) } } });
    const self = await adminActions.suspendUserAction(null, form({ userId: admin.id, reason: "x" }));
    expect(self).toMatchObject({ ok: false, error: { message: "You cannot suspend your own account." } });
  });
});

describe("account actions", () => {
  it("refuse a visitor with no session", async () => {
    for (const act of [
      accountActions.signOutEverywhereAction,
      accountActions.revokeSessionAction,
      accountActions.changePasswordAction,
    ]) {
      expect(
        await act(null, form({ sessionId: "x", currentPassword: "a", newPassword: "b new passphrase" })),
      ).toMatchObject({
        ok: false,
        error: { code: "unauthorized" },
      });
    }
  });

  it("cannot end another person's session", async () => {
    const alice = await signedIn((await createUser()).id);
    const bob = await signedIn((await createUser()).id);
    request.cookie = bob.sessionToken;
    const res = await accountActions.revokeSessionAction(null, form({ sessionId: alice.sessionId }));
    expect(res).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await testDb.session.count({ where: { id: alice.sessionId } })).toBe(1);
  });
});
