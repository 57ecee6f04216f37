import { afterAll, describe, expect, it } from "vitest";
import { consumeMagicLink, findSession, requestMagicLink, sendSignInCode, verifySignInCode } from "@/lib/auth";
import { createUser, fakeMeta, randomPhone, testDb, uid } from "../support/factories";
import { onPostgresServer } from "../support/env";

// No SMTP_URL and no Twilio keys: the sandbox keeps mail and texts in the development outbox.
afterAll(() => testDb.$disconnect());

async function linkFor(email: string) {
  const mail = await testDb.outboxMessage.findFirstOrThrow({
    where: { to: email, channel: "EMAIL" },
    orderBy: { createdAt: "desc" },
  });
  const url = new URL(mail.link!);
  expect(mail.body).toContain(mail.link!);
  expect(mail.body).toMatch(/15 minutes/);
  return { email: url.searchParams.get("email")!, token: url.searchParams.get("token")! };
}

describe("magic link", () => {
  it("signs in an existing account once; the link then stops working", async () => {
    const user = await createUser();
    await requestMagicLink({ email: user.email! }, fakeMeta());
    const link = await linkFor(user.email!);
    const session = await consumeMagicLink(link, fakeMeta());
    expect((await findSession(session.sessionToken))?.user.id).toBe(user.id);
    await expect(consumeMagicLink(link, fakeMeta())).rejects.toMatchObject({ code: "invalid_link" });
  });

  it("stores only a hash of the token", async () => {
    const email = `hash-${uid()}@test.local`;
    await requestMagicLink({ email }, fakeMeta());
    const { token } = await linkFor(email);
    expect(await testDb.verificationToken.count({ where: { token } })).toBe(0);
    expect(await testDb.verificationToken.count({ where: { identifier: email } })).toBe(1);
  });

  it("creates a driver account for a new address", async () => {
    const email = `fresh-${uid()}@test.local`;
    await requestMagicLink({ email }, fakeMeta());
    const session = await consumeMagicLink(await linkFor(email), fakeMeta());
    expect(session.role).toBe("DRIVER");
    expect((await testDb.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBeInstanceOf(Date);
  });

  it("refuses a link after 15 minutes", async () => {
    const email = `late-${uid()}@test.local`;
    await requestMagicLink({ email }, fakeMeta());
    const link = await linkFor(email);
    await testDb.verificationToken.updateMany({
      where: { identifier: email },
      data: { expires: new Date(Date.now() - 1) },
    });
    await expect(consumeMagicLink(link, fakeMeta())).rejects.toMatchObject({ status: 400 });
  });

  it("refuses a token for another address", async () => {
    const a = `a-${uid()}@test.local`;
    await requestMagicLink({ email: a }, fakeMeta());
    const link = await linkFor(a);
    await expect(
      consumeMagicLink({ email: `b-${uid()}@test.local`, token: link.token }, fakeMeta()),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("limits links per address to 5 an hour", async () => {
    const email = `spam-${uid()}@test.local`;
    for (let i = 0; i < 5; i++) await requestMagicLink({ email }, fakeMeta());
    await expect(requestMagicLink({ email }, fakeMeta())).rejects.toMatchObject({ status: 429 });
  });

  it.runIf(onPostgresServer)("a link clicked by 10 requests at once signs in exactly once", async () => {
    const email = `race-${uid()}@test.local`;
    await requestMagicLink({ email }, fakeMeta());
    const link = await linkFor(email);
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => consumeMagicLink(link, fakeMeta())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("SMS sandbox twin", () => {
  it("puts the code in the outbox and signs in with it", async () => {
    const phone = randomPhone();
    await sendSignInCode({ phone }, fakeMeta());
    const sms = await testDb.outboxMessage.findFirstOrThrow({ where: { to: phone, channel: "SMS" } });
    const code = sms.body.match(/\b(\d{6})\b/)![1];
    const session = await verifySignInCode({ phone, code }, fakeMeta());
    expect((await findSession(session.sessionToken))?.user.phone).toBe(phone);
  });
});
