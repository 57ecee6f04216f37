import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeTwilioVerify, type FakeTwilioVerify } from "../fakes/twilio-verify";
import { fakeMeta, randomPhone, testDb } from "../support/factories";

// The real `twilio` SDK, configured as in production, talks to a fake Verify server.
let twilio: FakeTwilioVerify;
let auth: typeof import("@/lib/auth");

beforeAll(async () => {
  twilio = await startFakeTwilioVerify({ accountSid: "AC11111111111111111111111111111111", authToken: "tw-secret" });
  vi.stubEnv("TWILIO_ACCOUNT_SID", "AC11111111111111111111111111111111");
  vi.stubEnv("TWILIO_AUTH_TOKEN", "tw-secret");
  vi.stubEnv("TWILIO_VERIFY_SERVICE_SID", "VA22222222222222222222222222222222");
  vi.stubEnv("TWILIO_API_BASE", twilio.url);
  auth = await import("@/lib/auth");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await twilio.close();
  await testDb.$disconnect();
});

describe("SMS one-time code through Twilio Verify", () => {
  it("signs in a new number as a driver and the same number again into the same account", async () => {
    const phone = randomPhone();
    await auth.sendSignInCode({ phone }, fakeMeta());
    const first = await auth.verifySignInCode({ phone, code: twilio.lastCode(phone)! }, fakeMeta());
    expect(first.role).toBe("DRIVER");
    await auth.sendSignInCode({ phone }, fakeMeta());
    const second = await auth.verifySignInCode({ phone, code: twilio.lastCode(phone)! }, fakeMeta());
    const sessions = await testDb.session.findMany({
      where: { sessionToken: { in: [first.sessionToken, second.sessionToken] } },
    });
    expect(new Set(sessions.map((s) => s.userId)).size).toBe(1);
    expect(await testDb.user.count({ where: { phone } })).toBe(1);
  });

  it("accepts a US number typed without +1", () => {
    expect(auth.sendCodeInput.parse({ phone: "(512) 555-0142" }).phone).toBe("+15125550142");
    expect(auth.sendCodeInput.safeParse({ phone: "555-0142" }).success).toBe(false);
  });

  it("refuses a wrong code, then the right one still works", async () => {
    const phone = randomPhone();
    await auth.sendSignInCode({ phone }, fakeMeta());
    await expect(auth.verifySignInCode({ phone, code: "000000" }, fakeMeta())).rejects.toMatchObject({
      code: "wrong_code",
    });
    await expect(auth.verifySignInCode({ phone, code: twilio.lastCode(phone)! }, fakeMeta())).resolves.toBeTruthy();
  });

  it("stops checking after 5 attempts per minute for a number", async () => {
    const phone = randomPhone();
    await auth.sendSignInCode({ phone }, fakeMeta());
    for (let i = 0; i < 5; i++) {
      await expect(auth.verifySignInCode({ phone, code: `99999${i}` }, fakeMeta())).rejects.toMatchObject({
        status: 400,
      });
    }
    await expect(auth.verifySignInCode({ phone, code: twilio.lastCode(phone)! }, fakeMeta())).rejects.toMatchObject({
      status: 429,
    });
  });

  it("allows 5 sends per number per hour, then says so with Retry-After", async () => {
    const phone = randomPhone();
    for (let i = 0; i < 5; i++) await auth.sendSignInCode({ phone }, fakeMeta());
    await expect(auth.sendSignInCode({ phone }, fakeMeta())).rejects.toMatchObject({
      status: 429,
      code: "rate_limited",
      message: expect.stringMatching(/Too many codes sent to this number/),
      headers: { "Retry-After": expect.stringMatching(/^\d+$/) },
    });
  });

  it("allows 5 sends per minute from one address", async () => {
    const meta = fakeMeta();
    for (let i = 0; i < 5; i++) await auth.sendSignInCode({ phone: randomPhone() }, meta);
    await expect(auth.sendSignInCode({ phone: randomPhone() }, meta)).rejects.toMatchObject({ status: 429 });
  });

  it("reports a provider outage as a 503 a person understands", async () => {
    twilio.failNext("500");
    await expect(auth.sendSignInCode({ phone: randomPhone() }, fakeMeta())).rejects.toMatchObject({
      status: 503,
      message: expect.stringMatching(/could not send a text/),
    });
  });

  it("blocks a suspended account even with the right code", async () => {
    const phone = randomPhone();
    await testDb.user.create({ data: { phone, status: "SUSPENDED" } });
    await auth.sendSignInCode({ phone }, fakeMeta());
    await expect(auth.verifySignInCode({ phone, code: twilio.lastCode(phone)! }, fakeMeta())).rejects.toMatchObject({
      status: 403,
    });
  });
});
