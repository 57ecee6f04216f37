import { afterAll, describe, expect, it } from "vitest";
import { checkIn, checkOut, decideClaim, fileClaim, unsafeEvaluateSession } from "@/lib/charging";
import { JOBS, stopWorkers } from "@/lib/jobs";
import { checkLedger, unsafeGetBalances } from "@/lib/ledger";
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
