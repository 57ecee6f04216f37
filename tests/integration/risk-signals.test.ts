import { afterAll, describe, expect, it } from "vitest";
import { findRiskSignals, unsafeEvaluateDriverRisk } from "@/lib/risk";
import { createMerchant, createUser, randomPhone, testDb, uid } from "../support/factories";
import {
  ageAccount,
  connectedCar,
  createCharger,
  createSession,
  minutesAgo,
  signInFrom,
  takeCode,
} from "../support/risk";

afterAll(() => testDb.$disconnect());

const rulesOf = async (driverId: string, opts: { cashOut?: { at: Date; cents: number } } = {}) =>
  (await findRiskSignals(driverId, opts)).map((f) => f.rule).sort();
const octet = () => Math.floor(Math.random() * 250) + 1;
const randomIp = () => `10.${octet()}.${octet()}.${octet()}`;
const randomDigits = () => randomPhone().slice(2); // the ten digits, without +1

describe("scripted abusers are flagged", () => {
  it("a phone farm: the same number written three ways", async () => {
    const digits = randomDigits();
    const a = await createUser({ phone: `+1${digits}` });
    await createUser({ phone: `1${digits}` });
    await createUser({ phone: `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}` });
    const found = await findRiskSignals(a.id);
    expect(found.map((f) => f.rule)).toEqual(["shared_phone"]);
    expect(found[0].evidence.accounts).toHaveLength(2);
  });

  it("an IP farm: four driver accounts signing in from one address", async () => {
    const ip = randomIp();
    const farm = await Promise.all([1, 2, 3, 4].map(() => createUser()));
    for (const u of farm) await signInFrom(u.id, ip, minutesAgo(30));
    const found = await findRiskSignals(farm[0].id);
    expect(found.map((f) => f.rule)).toEqual(["shared_ip"]);
    expect(found[0].evidence.accounts?.map((a) => a.id).sort()).toEqual(
      farm
        .slice(1)
        .map((u) => u.id)
        .sort(),
    );
  });

  it("Gmail aliases (dots and +tags) of one mailbox, and a throwaway domain", async () => {
    const name = `jane${uid()}`;
    const a = await createUser({ email: `${name}@gmail.com` });
    await createUser({ email: `${name.slice(0, 2)}.${name.slice(2)}+nerava@googlemail.com` });
    expect(await rulesOf(a.id)).toEqual(["email_alias"]);
    const throwaway = await createUser({ email: `x${uid()}@mailinator.com` });
    expect(await rulesOf(throwaway.id)).toEqual(["disposable_email"]);
  });

  it("teleporting pings: Austin to Dallas in two minutes", async () => {
    const driver = await createUser();
    const charger = await createCharger();
    await createSession(driver.id, {
      chargerId: charger.id,
      startedAt: minutesAgo(60),
      pings: [
        { lat: 30.3029, lng: -97.7062, at: minutesAgo(59) },
        { lat: 32.7767, lng: -96.797, at: minutesAgo(57) },
      ],
    });
    const found = await findRiskSignals(driver.id);
    expect(found.map((f) => f.rule)).toEqual(["gps_teleport"]);
    expect(found[0].evidence.pings).toHaveLength(2);
  });

  it("pings with impossible accuracy", async () => {
    const driver = await createUser();
    const charger = await createCharger();
    const at = (m: number) => ({ lat: 30.3029, lng: -97.7062, accuracy: 0, at: minutesAgo(m) });
    await createSession(driver.id, {
      chargerId: charger.id,
      startedAt: minutesAgo(60),
      pings: [at(59), at(58), at(57)],
    });
    expect(await rulesOf(driver.id)).toEqual(["gps_accuracy"]);
  });

  it("a burst of charging sessions and a burst of redemptions", async () => {
    const driver = await createUser();
    const charger = await createCharger();
    for (const m of [50, 40, 30, 20])
      await createSession(driver.id, { chargerId: charger.id, startedAt: minutesAgo(m) });
    const merchant = await createMerchant();
    const offer = await testDb.offer.findFirstOrThrow({ where: { merchantId: merchant.id } });
    for (const m of [55, 45, 35, 25, 15, 5]) await takeCode(driver.id, offer.id, minutesAgo(m));
    expect(await rulesOf(driver.id)).toEqual(["redemption_burst", "session_burst"]);
  });

  it("earn then cash out: a new account cashing out minutes after its reward", async () => {
    const driver = await createUser();
    await testDb.$transaction(async (tx) => {
      const { accounts, postInTx } = await import("@/lib/ledger");
      await postInTx(tx, {
        idempotencyKey: `test-release-${uid()}`,
        type: "SESSION_REWARD_RELEASE",
        reason: "test",
        request: { driverId: driver.id },
        lines: [
          { account: accounts.rewardsExpenseUsd(), amount: -500n },
          { account: accounts.driverUsd(driver.id), amount: 500n },
        ],
      });
    });
    expect(await rulesOf(driver.id)).toEqual([]);
    const soon = new Date(Date.now() + 5 * 60_000);
    expect(await rulesOf(driver.id, { cashOut: { at: soon, cents: 1_500 } })).toEqual(["earn_then_cash_out"]);
    // one small reward cashed out (what an honest new driver does) is below the bar
    expect(await rulesOf(driver.id, { cashOut: { at: soon, cents: 200 } })).toEqual([]);
    await ageAccount(driver.id, 30);
    expect(await rulesOf(driver.id, { cashOut: { at: soon, cents: 1_500 } })).toEqual([]);
  });

  it("a car passed between accounts", async () => {
    const [a, b] = [await createUser(), await createUser()];
    const car = `SMARTCAR:vin-${uid()}`;
    await connectedCar(a.id, car, minutesAgo(600));
    await connectedCar(b.id, car, minutesAgo(60));
    expect(await rulesOf(a.id)).toEqual(["car_switch"]);
    expect(await rulesOf(b.id)).toEqual(["car_switch"]);
  });

  it("raises each finding once: evaluating again opens nothing new", async () => {
    const ip = randomIp();
    const farm = await Promise.all([1, 2, 3].map(() => createUser()));
    for (const u of farm) await signInFrom(u.id, ip);
    expect(await unsafeEvaluateDriverRisk(farm[0].id)).toHaveLength(1);
    expect(await unsafeEvaluateDriverRisk(farm[0].id)).toHaveLength(0);
    expect(await testDb.riskFlag.count({ where: { driverId: farm[0].id, status: "OPEN" } })).toBe(1);
    const audit = await testDb.auditLog.count({ where: { action: "risk.flag_raised", targetId: farm[0].id } });
    expect(audit).toBe(1);
  });
});

describe("honest drivers are untouched", () => {
  it("normal usage: one session, steady pings, own phone and mailbox", async () => {
    const driver = await createUser({ phone: randomPhone(), email: `sam${uid()}@gmail.com` });
    const charger = await createCharger();
    await signInFrom(driver.id, randomIp());
    const ping = (m: number, d = 0) => ({ lat: 30.3029 + d, lng: -97.7062, accuracy: 12, at: minutesAgo(m) });
    await createSession(driver.id, {
      chargerId: charger.id,
      startedAt: minutesAgo(60),
      status: "VERIFIED",
      pings: [ping(59), ping(50, 0.0002), ping(40, 0.0001), ping(30)],
    });
    expect(await unsafeEvaluateDriverRisk(driver.id, { cashOut: { at: new Date(), cents: 1_500 } })).toEqual([]);
  });

  it("sign-ins from loopback (a local run) never count as a shared address", async () => {
    const farm = await Promise.all([1, 2, 3].map(() => createUser()));
    for (const u of farm) await signInFrom(u.id, "127.0.0.1");
    expect(await rulesOf(farm[0].id)).toEqual([]);
  });

  it("two drivers in one household sharing an IP once", async () => {
    const ip = randomIp();
    const [a, b] = [await createUser(), await createUser()];
    await signInFrom(a.id, ip);
    await signInFrom(b.id, ip);
    expect(await rulesOf(a.id)).toEqual([]);
    expect(await rulesOf(b.id)).toEqual([]);
  });

  it("a driver who charges daily and drives between chargers", async () => {
    const driver = await createUser();
    await ageAccount(driver.id, 60);
    const austin = await createCharger();
    const roundRock = await createCharger(30.5083, -97.6789);
    for (let day = 1; day <= 7; day++) {
      const start = minutesAgo(day * 24 * 60);
      const charger = day % 2 ? austin : roundRock;
      await createSession(driver.id, {
        chargerId: charger.id,
        startedAt: start,
        status: "VERIFIED",
        pings: [0, 10, 20].map((m) => ({
          lat: charger.latitude,
          lng: charger.longitude,
          at: new Date(start.getTime() + m * 60_000),
        })),
      });
    }
    expect(await unsafeEvaluateDriverRisk(driver.id, { cashOut: { at: new Date(), cents: 1_500 } })).toEqual([]);
  });
});
