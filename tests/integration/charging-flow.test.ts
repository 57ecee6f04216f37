import { afterAll, describe, expect, it } from "vitest";
import { checkIn, checkOut, decideClaim, fileClaim, unsafeEvaluateSession } from "@/lib/charging";
import { stopWorkers } from "@/lib/jobs";
import { JOBS } from "@/lib/jobs/handlers";
import { checkLedger, unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { reverseTransaction } from "@/lib/rewards";
import { completeVehicleConnect, signConnectState } from "@/lib/vehicles";
import { config } from "@/lib/config";
import { asAdmin, asDriver, createUser, fakeMeta, testDb, uid } from "../support/factories";
import { onPostgresServer } from "../support/env";

// No Smartcar keys: the sandbox car. Its battery rises while "charging" at the chosen charger.
afterAll(async () => {
  await stopWorkers();
  await testDb.$disconnect();
});

async function driverWithSandboxCar() {
  const driver = await createUser();
  const state = await signConnectState(config().NEXTAUTH_SECRET, driver.id);
  await completeVehicleConnect(asDriver(driver.id), { code: `sandbox-${uid()}`, state }, fakeMeta());
  const charger = await testDb.charger.create({
    data: {
      externalId: `c-${uid()}`,
      name: "Test Plaza",
      address: "1 Test St",
      latitude: 30.3029,
      longitude: -97.7062,
      isPartner: true,
      radiusMeters: 150,
    },
  });
  return { driver, charger };
}

/** 15 minutes of phone pings at the charger, with the session started before them. */
async function dwellAtCharger(sessionId: string, charger: { latitude: number; longitude: number }, minutes = 15) {
  const start = Date.now() - minutes * 60_000;
  await testDb.chargingSession.update({ where: { id: sessionId }, data: { startedAt: new Date(start - 30_000) } });
  await testDb.locationPing.createMany({
    data: Array.from({ length: minutes + 1 }, (_, i) => ({
      sessionId,
      latitude: charger.latitude + 0.0001,
      longitude: charger.longitude,
      accuracyMeters: 12,
      recordedAt: new Date(start + i * 60_000),
    })),
  });
}

describe("charging session → verified reward", () => {
  it("a charger that is planned or temporarily unavailable is refused (409), and no session starts", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    for (const status of ["T", "P"]) {
      await testDb.charger.update({ where: { id: charger.id }, data: { status } });
      await expect(checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta())).rejects.toMatchObject({
        status: 409,
        code: "charger_closed",
        message: expect.stringContaining("isn't open right now"),
      });
    }
    expect(await testDb.chargingSession.count({ where: { driverId: driver.id } })).toBe(0);
    await testDb.charger.update({ where: { id: charger.id }, data: { status: "E" } });
    await expect(checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta())).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("goes pending at check-out, then available once the job confirms; replays earn nothing more", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    await expect(checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta())).rejects.toMatchObject({
      code: "session_active",
    });
    await dwellAtCharger(session.id, charger);
    const out = await checkOut(asDriver(driver.id), session.id, fakeMeta());
    expect(out.status).toBe("PENDING_WITNESS");
    const pending = await unsafeGetBalances("DRIVER", driver.id);
    expect(pending.nova.pending).toBeGreaterThan(0n);
    expect(pending.usd.pending).toBe(BigInt(config().VERIFY_REWARD_CENTS));
    expect(pending.nova.available).toBe(0n);

    expect(await JOBS["verify-session"]({ sessionId: session.id })).toMatchObject({ status: "VERIFIED" });
    await JOBS["verify-session"]({ sessionId: session.id });
    await Promise.all(Array.from({ length: 10 }, () => unsafeEvaluateSession(session.id, { end: true })));
    const after = await unsafeGetBalances("DRIVER", driver.id);
    expect(after.nova).toEqual({ available: pending.nova.pending, held: 0n, pending: 0n });
    expect(after.usd).toEqual({ available: BigInt(config().VERIFY_REWARD_CENTS), pending: 0n });
    const statement = await testDb.ledgerTransaction.findMany({
      where: { metadata: { path: ["sessionId"], equals: session.id } },
      select: { reason: true },
    });
    expect(statement.map((t) => t.reason).join("\n")).toMatch(/Charging at Test Plaza.*verified/);
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it.runIf(onPostgresServer)("concurrent verifies of one session earn once", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    await dwellAtCharger(session.id, charger);
    await checkOut(asDriver(driver.id), session.id, fakeMeta());
    const pendingNova = (await unsafeGetBalances("DRIVER", driver.id)).nova.pending;
    await Promise.all(Array.from({ length: 20 }, () => JOBS["verify-session"]({ sessionId: session.id })));
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toEqual({
      available: pendingNova,
      held: 0n,
      pending: 0n,
    });
  });
});

describe("energy from the car's counter", () => {
  it("a session restarted without unplugging credits the counter's increase, not the counter twice", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const car = await testDb.vehicle.create({
      data: { userId: driver.id, provider: "SMARTCAR", providerVehicleId: `veh-${uid()}` },
    });
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    const reading = (m: number, energyAddedKwh: number) => ({
      vehicleId: car.id,
      chargeState: "CHARGING" as const,
      latitude: charger.latitude,
      longitude: charger.longitude,
      energyAddedKwh,
      capturedAt: minutesAgo(m),
      source: "webhook",
    });
    /** One session from `from` to `to` minutes ago with the car's counter readings inside it. */
    async function session(from: number, to: number, readings: Array<[number, number]>) {
      const { id } = await checkIn(asDriver(driver.id), { chargerId: charger.id, vehicleId: car.id }, fakeMeta());
      await testDb.chargingSession.update({
        where: { id },
        data: { startedAt: minutesAgo(from), endedAt: minutesAgo(to) },
      });
      await testDb.telemetrySnapshot.createMany({ data: readings.map(([m, kwh]) => reading(m, kwh)) });
      await checkOut(asDriver(driver.id), id, fakeMeta());
      return testDb.chargingSession.findUniqueOrThrow({ where: { id } });
    }
    // one plug-in, two sessions: the counter reads 2, 10 in the first and goes on to 11, 18 in the second
    const first = await session(120, 90, [
      [110, 2],
      [95, 10],
    ]);
    const second = await session(60, 30, [
      [50, 11],
      [35, 18],
    ]);
    expect(first.kwhDelivered).toBeCloseTo(8);
    expect(second.kwhDelivered).toBeGreaterThanOrEqual(7);
    expect(second.kwhDelivered).toBeLessThanOrEqual(8);
    expect(first.kwhDelivered! + second.kwhDelivered!).toBeLessThanOrEqual(18);
    const reward = await testDb.ledgerTransaction.findFirstOrThrow({
      where: { metadata: { path: ["sessionId"], equals: second.id } },
      select: { reason: true },
    });
    expect(reward.reason).toMatch(/\b8 kWh/);
  });
});

describe("demo accrual", () => {
  it("moves an active sandbox session on: a new car reading and an updated status", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    const vehicle = await testDb.vehicle.findFirstOrThrow({ where: { userId: driver.id } });
    const before = await testDb.telemetrySnapshot.count({ where: { vehicleId: vehicle.id } });
    const result = await JOBS["demo-accrual"]();
    expect(result).toMatchObject({ advanced: expect.any(Number) });
    expect(await testDb.telemetrySnapshot.count({ where: { vehicleId: vehicle.id } })).toBe(before + 1);
    const latest = await testDb.telemetrySnapshot.findFirstOrThrow({
      where: { vehicleId: vehicle.id },
      orderBy: { capturedAt: "desc" },
    });
    expect(latest.chargeState).toBe("CHARGING");
    const updated = await testDb.chargingSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(updated.status).toBe("ACTIVE");
    expect(updated.verificationReason).toMatch(/car|phone/i);
  });
});

describe("missing-points claim", () => {
  it("a session without the phone witness fails, the driver claims, the admin approves and it pays once", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const admin = await createUser({ role: "ADMIN" });
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    await testDb.chargingSession.update({
      where: { id: session.id },
      data: { startedAt: new Date(Date.now() - 20 * 60_000) },
    });
    const out = await checkOut(asDriver(driver.id), session.id, fakeMeta());
    expect(out.reason).toMatch(/phone/i);
    expect(await unsafeEvaluateSession(session.id, { end: true, final: true })).toMatchObject({ status: "UNVERIFIED" });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toEqual({ available: 0n, held: 0n, pending: 0n });
    const claim = await fileClaim(
      asDriver(driver.id),
      { sessionId: session.id, note: "My phone died while I was charging here." },
      fakeMeta(),
    );
    await expect(
      fileClaim(asDriver(driver.id), { sessionId: session.id, note: "Filing the same claim again." }, fakeMeta()),
    ).rejects.toMatchObject({ code: "claim_exists" });
    await decideClaim(
      asAdmin(admin.id),
      { claimId: claim.id, approve: true, note: "Car data shows charging at the plaza." },
      fakeMeta(),
    );
    await expect(
      decideClaim(asAdmin(admin.id), { claimId: claim.id, approve: true, note: "twice" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "claim_closed" });
    const paid = await unsafeGetBalances("DRIVER", driver.id);
    expect(paid.nova.available).toBeGreaterThan(0n);
    expect(paid.usd.available).toBe(BigInt(config().VERIFY_REWARD_CENTS));
    expect((await testDb.chargingSession.findUniqueOrThrow({ where: { id: session.id } })).status).toBe("VERIFIED");
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("another driver cannot claim someone else's session", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    await checkOut(asDriver(driver.id), session.id, fakeMeta());
    const intruder = await createUser();
    await expect(
      fileClaim(asDriver(intruder.id), { sessionId: session.id, note: "This is my session honestly." }, fakeMeta()),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe("reversing a charging reward", () => {
  const rewardOf = (sessionId: string) =>
    testDb.ledgerTransaction.findUniqueOrThrow({ where: { idempotencyKey: `session:${sessionId}:pending` } });
  const reverse = (adminId: string, transactionId: string) =>
    reverseTransaction(
      asAdmin(adminId),
      { transactionId, reason: "charged at a test plug", idempotencyKey: `k-${uid()}-${uid()}-${uid()}` },
      fakeMeta(),
    );

  /** A checked-out session whose reward is pending, and what it put in pending. */
  async function pendingSession(driver: { id: string }, charger: { id: string; latitude: number; longitude: number }) {
    const before = (await unsafeGetBalances("DRIVER", driver.id)).nova.pending;
    const session = await checkIn(asDriver(driver.id), { chargerId: charger.id }, fakeMeta());
    await dwellAtCharger(session.id, charger);
    expect((await checkOut(asDriver(driver.id), session.id, fakeMeta())).status).toBe("PENDING_WITNESS");
    const nova = (await unsafeGetBalances("DRIVER", driver.id)).nova.pending - before;
    expect(nova).toBeGreaterThan(0n);
    return { session, nova };
  }

  it("is refused while the reward is pending, so the session's verification still releases it", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const admin = await createUser({ role: "ADMIN" });
    const { session, nova } = await pendingSession(driver, charger);
    const reward = await rewardOf(session.id);
    await expect(reverse(admin.id, reward.id)).rejects.toMatchObject({
      code: "not_reversible",
      status: 409,
      message: expect.stringMatching(/still pending verification/),
    });
    expect(await testDb.ledgerTransaction.count({ where: { reversesId: reward.id } })).toBe(0);

    expect(await JOBS["verify-session"]({ sessionId: session.id })).toMatchObject({ status: "VERIFIED" });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toEqual({ available: nova, held: 0n, pending: 0n });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });

  it("once available, takes it back from available and leaves another session's pending reward alone", async () => {
    const { driver, charger } = await driverWithSandboxCar();
    const admin = await createUser({ role: "ADMIN" });
    const first = await pendingSession(driver, charger);
    expect(await JOBS["verify-session"]({ sessionId: first.session.id })).toMatchObject({ status: "VERIFIED" });
    const second = await pendingSession(driver, charger);
    const before = await unsafeGetBalances("DRIVER", driver.id);
    expect(before.nova).toEqual({ available: first.nova, held: 0n, pending: second.nova });

    const reward = await rewardOf(first.session.id);
    await reverse(admin.id, reward.id);
    const after = await unsafeGetBalances("DRIVER", driver.id);
    expect(after.nova).toEqual({ available: 0n, held: 0n, pending: second.nova });
    expect(after.usd).toEqual({ available: 0n, pending: before.usd.pending });
    const states = (await unsafeListStatement("DRIVER", driver.id))
      .filter((l) => l.transactionId === reward.id)
      .map((l) => l.state);
    expect(states.length).toBeGreaterThan(0);
    expect(new Set(states)).toEqual(new Set(["reversed"]));

    // the second session still verifies and pays
    expect(await JOBS["verify-session"]({ sessionId: second.session.id })).toMatchObject({ status: "VERIFIED" });
    expect((await unsafeGetBalances("DRIVER", driver.id)).nova).toEqual({
      available: second.nova,
      held: 0n,
      pending: 0n,
    });
    expect((await checkLedger(testDb)).violations).toEqual([]);
  });
});
