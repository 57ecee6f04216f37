import { afterAll, describe, expect, it } from "vitest";
import {
  changePassword,
  findSession,
  requestPasswordReset,
  resetPassword,
  signInWithPassword,
  signUpWithPassword,
} from "@/lib/auth";
import { asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { onPostgresServer } from "../support/env";

afterAll(() => testDb.$disconnect());

const PASSWORD = "correct horse battery";

describe("email + password", () => {
  it("signs up a driver with an argon2id hash and a session", async () => {
    const email = `new-${uid()}@test.local`;
    const result = await signUpWithPassword({ name: "Ana", email, password: PASSWORD }, fakeMeta());
    expect(result.role).toBe("DRIVER");
    const user = await testDb.user.findUniqueOrThrow({ where: { email }, omit: { passwordHash: false } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await findSession(result.sessionToken))?.user.email).toBe(email);
  });

  it("refuses a second account for the same email with a clear 409", async () => {
    const user = await createUser({ password: PASSWORD });
    await expect(
      signUpWithPassword({ name: "X", email: user.email!, password: PASSWORD }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 409,
      message: expect.stringMatching(/already exists/),
    });
  });

  it("gives a new session id at every sign-in and audits failures", async () => {
    const user = await createUser({ password: PASSWORD });
    const a = await signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta());
    const b = await signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta());
    expect(a.sessionToken).not.toBe(b.sessionToken);
    await expect(
      signInWithPassword({ email: user.email!, password: "wrong password!" }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 401,
      message: "Email or password is incorrect.",
    });
    await expect(
      signInWithPassword({ email: `nobody-${uid()}@test.local`, password: PASSWORD }, fakeMeta()),
    ).rejects.toMatchObject({
      status: 401,
      message: "Email or password is incorrect.",
    });
    expect(await testDb.auditLog.count({ where: { action: "auth.sign_in_failed", actorId: user.id } })).toBe(1);
    expect(await testDb.auditLog.count({ where: { action: "auth.sign_in", actorId: user.id } })).toBe(2);
  });

  it("blocks a suspended account", async () => {
    const user = await createUser({ password: PASSWORD });
    await testDb.user.update({ where: { id: user.id }, data: { status: "SUSPENDED" } });
    await expect(signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta())).rejects.toMatchObject({
      status: 403,
    });
  });

  it("locks an account after 5 attempts in 15 minutes, whatever the network", async () => {
    const user = await createUser({ password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      await expect(
        signInWithPassword({ email: user.email!, password: `wrong-${i}-password` }, fakeMeta()),
      ).rejects.toMatchObject({ status: 401 });
    }
    await expect(signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta())).rejects.toMatchObject({
      status: 429,
      code: "rate_limited",
      headers: { "Retry-After": expect.stringMatching(/^\d+$/) },
    });
  });

  it("changing the password re-asks the current one and ends every other session", async () => {
    const user = await createUser({ password: PASSWORD });
    const here = await signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta());
    const phone = await signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta());
    const input = { currentPassword: "not my password", newPassword: "a brand new passphrase" };
    await expect(changePassword(asDriver(user.id), here.sessionId, input, fakeMeta())).rejects.toMatchObject({
      code: "invalid_credentials",
    });
    const { endedSessions } = await changePassword(
      asDriver(user.id),
      here.sessionId,
      { ...input, currentPassword: PASSWORD },
      fakeMeta(),
    );
    expect(endedSessions).toBe(1);
    expect(await findSession(phone.sessionToken)).toBeNull();
    expect(await findSession(here.sessionToken)).not.toBeNull();
    await expect(
      signInWithPassword({ email: user.email!, password: "a brand new passphrase" }, fakeMeta()),
    ).resolves.toBeTruthy();
  });

  it("rejects weak new passwords with a reason", async () => {
    const { signUpInput } = await import("@/lib/auth");
    const repetitive = signUpInput.safeParse({ name: "W", email: "w@test.local", password: "aaaaaaaaaaaa" });
    expect(repetitive.error?.issues[0].message).toMatch(/repetitive/);
    const short = signUpInput.safeParse({ name: "W", email: "w@test.local", password: "short" });
    expect(short.error?.issues[0].message).toMatch(/at least 10/);
  });
});

describe("password reset by email", () => {
  async function resetLinkFor(email: string) {
    const mail = await testDb.outboxMessage.findFirstOrThrow({
      where: { to: email, channel: "EMAIL" },
      orderBy: { createdAt: "desc" },
    });
    expect(mail.subject).toMatch(/Reset your Nerava password/);
    return new URL(mail.link!).searchParams.get("token")!;
  }

  it("sends a single-use link that sets the password and ends every session", async () => {
    const user = await createUser({ password: PASSWORD });
    const old = await signInWithPassword({ email: user.email!, password: PASSWORD }, fakeMeta());
    await requestPasswordReset({ email: user.email! }, fakeMeta());
    const token = await resetLinkFor(user.email!);
    await resetPassword({ token, password: "reset passphrase 2026" }, fakeMeta());
    expect(await findSession(old.sessionToken)).toBeNull();
    await expect(resetPassword({ token, password: "another passphrase 1" }, fakeMeta())).rejects.toMatchObject({
      code: "invalid_token",
    });
    await expect(
      signInWithPassword({ email: user.email!, password: "reset passphrase 2026" }, fakeMeta()),
    ).resolves.toBeTruthy();
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = `ghost-${uid()}@test.local`;
    await expect(requestPasswordReset({ email }, fakeMeta())).resolves.toBeUndefined();
    expect(await testDb.outboxMessage.count({ where: { to: email } })).toBe(0);
  });

  it("refuses an expired link", async () => {
    const user = await createUser({ password: PASSWORD });
    await requestPasswordReset({ email: user.email! }, fakeMeta());
    const token = await resetLinkFor(user.email!);
    await testDb.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(resetPassword({ token, password: "reset passphrase 2026" }, fakeMeta())).rejects.toMatchObject({
      code: "invalid_token",
    });
  });

  it.runIf(onPostgresServer)("a link used by 10 requests at once works exactly once", async () => {
    const user = await createUser({ password: PASSWORD });
    await requestPasswordReset({ email: user.email! }, fakeMeta());
    const token = await resetLinkFor(user.email!);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => resetPassword({ token, password: `concurrent pass ${i}x` }, fakeMeta())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
