import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { createSandboxVerify, createTwilioVerify, type OtpSender } from "@/lib/integrations/twilio";
import { onPostgresServer } from "../support/env";
import { startFakeTwilioVerify, type FakeTwilioVerify } from "../fakes/twilio-verify";

const ACCOUNT_SID = "AC" + "1".repeat(32);
const AUTH_TOKEN = "test-auth-token";
const SERVICE_SID = "VA" + "2".repeat(32);
const newPhone = () => `+1555${randomInt(1_000_000, 10_000_000)}`;
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

describe("Twilio Verify client (real SDK against the fake)", () => {
  let fake: FakeTwilioVerify;
  let verify: OtpSender;
  const client = (opts: { authToken?: string; timeoutMs?: number } = {}) =>
    createTwilioVerify({
      accountSid: ACCOUNT_SID,
      authToken: AUTH_TOKEN,
      serviceSid: SERVICE_SID,
      baseUrl: fake.url,
      ...opts,
    });

  beforeAll(async () => {
    fake = await startFakeTwilioVerify({ accountSid: ACCOUNT_SID, authToken: AUTH_TOKEN });
    verify = client();
  });
  afterAll(() => fake.close());

  it("sends a code and approves it", async () => {
    const phone = newPhone();
    expect(await verify.send(phone)).toEqual({ ok: true });
    expect(fake.sent.at(-1)).toEqual({ to: phone, code: fake.lastCode(phone) });
    expect(await verify.check(phone, fake.lastCode(phone)!)).toEqual({ ok: true });
  });

  it("answers a wrong code, then accepts the right one", async () => {
    const phone = newPhone();
    await verify.send(phone);
    const code = fake.lastCode(phone)!;
    expect(await verify.check(phone, wrong(code))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await verify.check(phone, code)).toEqual({ ok: true });
  });

  it("refuses even the right code after 5 wrong ones", async () => {
    const phone = newPhone();
    await verify.send(phone);
    const code = fake.lastCode(phone)!;
    for (let i = 0; i < 5; i++) expect(await verify.check(phone, wrong(code))).toMatchObject({ reason: "wrong_code" });
    expect(await verify.check(phone, code)).toEqual({ ok: false, reason: "too_many_attempts" });
  });

  it("treats a check after approval (or without a send) as expired_or_used", async () => {
    const phone = newPhone();
    await verify.send(phone);
    const code = fake.lastCode(phone)!;
    expect(await verify.check(phone, code)).toEqual({ ok: true });
    expect(await verify.check(phone, code)).toEqual({ ok: false, reason: "expired_or_used" });
    expect(await verify.check(newPhone(), "123456")).toEqual({ ok: false, reason: "expired_or_used" });
  });

  it("does not retry a send that hit a 500", async () => {
    const phone = newPhone();
    fake.failNext("500");
    expect(await verify.send(phone)).toEqual({ ok: false, reason: "provider_unavailable" });
    expect(fake.lastCode(phone)).toBeUndefined();
  });

  it("retries a check once after a 500, not twice", async () => {
    const phone = newPhone();
    await verify.send(phone);
    fake.failNext("500");
    expect(await verify.check(phone, fake.lastCode(phone)!)).toEqual({ ok: true });
    const again = newPhone();
    await verify.send(again);
    fake.failNext("500", 2);
    expect(await verify.check(again, fake.lastCode(again)!)).toEqual({ ok: false, reason: "provider_unavailable" });
  });

  it("maps 429 and Verify's max-send error (60203) to rate_limited", async () => {
    fake.failNext("429");
    expect(await verify.send(newPhone())).toEqual({ ok: false, reason: "rate_limited" });
    const phone = newPhone();
    for (let i = 0; i < 5; i++) expect(await verify.send(phone)).toEqual({ ok: true });
    expect(await verify.send(phone)).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("gives up after timeoutMs when the provider never answers", async () => {
    const quick = client({ timeoutMs: 500 });
    fake.failNext("timeout");
    let started = Date.now();
    expect(await quick.send(newPhone())).toEqual({ ok: false, reason: "provider_unavailable" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(Date.now() - started).toBeLessThan(1_200);

    const phone = newPhone();
    await quick.send(phone);
    fake.failNext("timeout");
    started = Date.now();
    expect(await quick.check(phone, fake.lastCode(phone)!)).toEqual({ ok: false, reason: "provider_unavailable" });
    expect(Date.now() - started).toBeLessThan(1_200);
  });

  it("maps an invalid number to invalid_number", async () => {
    expect(await verify.send("+0123")).toEqual({ ok: false, reason: "invalid_number" });
    fake.failNext("invalid_number");
    expect(await verify.send(newPhone())).toEqual({ ok: false, reason: "invalid_number" });
  });

  it("reports a wrong auth token as provider_unavailable (a configuration fault, logged)", async () => {
    const badAuth = client({ authToken: "nope" });
    expect(await badAuth.send(newPhone())).toEqual({ ok: false, reason: "provider_unavailable" });
    expect(await badAuth.check(newPhone(), "123456")).toEqual({ ok: false, reason: "provider_unavailable" });
  });

  it("serves the latest code to other processes at /__codes", async () => {
    const phone = newPhone();
    await verify.send(phone);
    const res = await fetch(`${fake.url}/__codes?to=${encodeURIComponent(phone)}`);
    expect(await res.json()).toEqual({ code: fake.lastCode(phone) });
    expect((await fetch(`${fake.url}/__codes?to=${phone}`)).status).toBe(200); // unencoded "+" too
  });
});

describe("sandbox Verify twin (real database)", () => {
  let db: Db;
  let clock = new Date();
  const texts: Array<{ phone: string; text: string }> = [];
  let sandbox: OtpSender;
  const codeFor = (phone: string) => /\b(\d{6})\b/.exec(texts.findLast((t) => t.phone === phone)!.text)![1];

  beforeAll(() => {
    db = createDb(process.env.DATABASE_URL, 4);
    sandbox = createSandboxVerify({
      db,
      deliver: async (phone, text) => void texts.push({ phone, text }),
      now: () => clock,
    });
  });
  afterAll(() => db.$disconnect());

  it("delivers a text with the code and accepts it exactly once", async () => {
    const phone = newPhone();
    expect(await sandbox.send(phone)).toEqual({ ok: true });
    expect(texts.at(-1)!.text).toMatch(/^Your Nerava code is \d{6}\. It expires in 10 minutes\.$/);
    const code = codeFor(phone);
    expect(await sandbox.check(phone, wrong(code))).toEqual({ ok: false, reason: "wrong_code" });
    expect(await sandbox.check(phone, code)).toEqual({ ok: true });
    expect(await sandbox.check(phone, code)).toEqual({ ok: false, reason: "expired_or_used" });
    expect(await sandbox.send("5551234")).toEqual({ ok: false, reason: "invalid_number" });
  });

  it("refuses even the right code after 5 wrong ones", async () => {
    const phone = newPhone();
    await sandbox.send(phone);
    const code = codeFor(phone);
    for (let i = 0; i < 5; i++) expect(await sandbox.check(phone, wrong(code))).toMatchObject({ reason: "wrong_code" });
    expect(await sandbox.check(phone, code)).toEqual({ ok: false, reason: "too_many_attempts" });
  });

  it("expires codes after 10 minutes", async () => {
    const phone = newPhone();
    clock = new Date();
    await sandbox.send(phone);
    clock = new Date(clock.getTime() + 10 * 60_000 + 1_000);
    expect(await sandbox.check(phone, codeFor(phone))).toEqual({ ok: false, reason: "expired_or_used" });
    clock = new Date();
  });

  it("invalidates the old code when a new one is sent", async () => {
    const phone = newPhone();
    await sandbox.send(phone);
    const first = codeFor(phone);
    await sandbox.send(phone);
    const second = codeFor(phone);
    if (first !== second) expect(await sandbox.check(phone, first)).toEqual({ ok: false, reason: "wrong_code" });
    expect(await sandbox.check(phone, second)).toEqual({ ok: true });
    expect(await db.otpChallenge.count({ where: { phone, usedAt: null } })).toBe(0);
  });

  it.runIf(onPostgresServer)("lets exactly one of 10 concurrent correct checks succeed", async () => {
    const phone = newPhone();
    await sandbox.send(phone);
    const code = codeFor(phone);
    const results = await Promise.all(Array.from({ length: 10 }, () => sandbox.check(phone, code)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results) if (!r.ok) expect(["expired_or_used", "too_many_attempts"]).toContain(r.reason);
    const row = await db.otpChallenge.findFirstOrThrow({ where: { phone } });
    expect(row.attempts).toBeLessThanOrEqual(5);
    expect(row.usedAt).not.toBeNull();
  });
});
