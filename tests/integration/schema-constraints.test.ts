import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "@/lib/db/client";
import { onPostgresServer } from "../support/env";

const db = createDb(process.env.DATABASE_URL, 4);
afterAll(() => db.$disconnect());

const uid = () => randomUUID().slice(0, 8);

async function driverAndCharger() {
  const driver = await db.user.create({ data: { email: `d-${uid()}@test.local` } });
  const charger = await db.charger.create({
    data: { externalId: `c-${uid()}`, name: "Test charger", address: "1 Test St", latitude: 30.3, longitude: -97.7 },
  });
  return { driver, charger };
}

describe("database invariants", () => {
  it("allows one active charging session per driver, any number of ended ones", async () => {
    const { driver, charger } = await driverAndCharger();
    const first = await db.chargingSession.create({ data: { driverId: driver.id, chargerId: charger.id } });
    await expect(db.chargingSession.create({ data: { driverId: driver.id, chargerId: charger.id } })).rejects.toThrow(
      /one_active_session_per_driver|Unique constraint/,
    );
    await db.chargingSession.update({ where: { id: first.id }, data: { status: "VERIFIED", endedAt: new Date() } });
    await db.chargingSession.create({ data: { driverId: driver.id, chargerId: charger.id } });
    expect(await db.chargingSession.count({ where: { driverId: driver.id } })).toBe(2);
  });

  it.runIf(onPostgresServer)("one active session holds under concurrent check-ins", async () => {
    const { driver, charger } = await driverAndCharger();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        db.chargingSession.create({ data: { driverId: driver.id, chargerId: charger.id } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("refuses a negative balance on an account that may not go negative", async () => {
    const account = await db.ledgerAccount.create({
      data: { ownerType: "DRIVER", ownerId: uid(), kind: "AVAILABLE", currency: "NOVA" },
    });
    await expect(
      db.ledgerAccount.update({ where: { id: account.id }, data: { balance: { decrement: 1 } } }),
    ).rejects.toThrow(/ledger_account_balance_non_negative|check constraint/i);
    const issuance = await db.ledgerAccount.create({
      data: { ownerType: "PLATFORM", ownerId: uid(), kind: "ISSUANCE", currency: "NOVA", allowNegative: true },
    });
    const updated = await db.ledgerAccount.update({
      where: { id: issuance.id },
      data: { balance: { decrement: 500 } },
    });
    expect(updated.balance).toBe(-500n);
    // put it back: later files check that every balance equals its (here: no) entries
    await db.ledgerAccount.update({ where: { id: issuance.id }, data: { balance: 0 } });
  });

  it("refuses zero-amount ledger entries and reuse of an idempotency key", async () => {
    const account = await db.ledgerAccount.create({
      data: { ownerType: "PLATFORM", ownerId: uid(), kind: "FEES", currency: "USD", allowNegative: true },
    });
    const key = `test/${uid()}`;
    const tx = await db.ledgerTransaction.create({
      data: { idempotencyKey: key, requestHash: "h", type: "TEST", reason: "test" },
    });
    await expect(
      db.ledgerEntry.create({ data: { transactionId: tx.id, accountId: account.id, amount: 0n } }),
    ).rejects.toThrow(/ledger_entry_amount_non_zero|check constraint/i);
    await expect(
      db.ledgerTransaction.create({ data: { idempotencyKey: key, requestHash: "h2", type: "TEST", reason: "again" } }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("lets a transaction be reversed at most once", async () => {
    const original = await db.ledgerTransaction.create({
      data: { idempotencyKey: `orig/${uid()}`, requestHash: "h", type: "GRANT", reason: "grant" },
    });
    await db.ledgerTransaction.create({
      data: {
        idempotencyKey: `rev/${uid()}`,
        requestHash: "h",
        type: "REVERSAL",
        reason: "oops",
        reversesId: original.id,
      },
    });
    await expect(
      db.ledgerTransaction.create({
        data: {
          idempotencyKey: `rev/${uid()}`,
          requestHash: "h",
          type: "REVERSAL",
          reason: "twice",
          reversesId: original.id,
        },
      }),
    ).rejects.toThrow(/Unique constraint/);
  });

  it("stores a provider's webhook event once", async () => {
    const eventId = `evt_${uid()}`;
    await db.webhookEvent.create({ data: { provider: "STRIPE", eventId, type: "transfer.paid", payload: {} } });
    await expect(
      db.webhookEvent.create({ data: { provider: "STRIPE", eventId, type: "transfer.paid", payload: {} } }),
    ).rejects.toThrow(/Unique constraint/);
    await db.webhookEvent.create({ data: { provider: "SQUARE", eventId, type: "payment.created", payload: {} } });
  });

  it("keeps offer prices and limits positive and battery readings in range", async () => {
    const merchant = await db.merchant.create({
      data: {
        slug: `m-${uid()}`,
        name: "M",
        category: "Coffee",
        address: "x",
        latitude: 0,
        longitude: 0,
        qrToken: uid(),
      },
    });
    await expect(
      db.offer.create({ data: { merchantId: merchant.id, title: "t", description: "d", novaPrice: 0 } }),
    ).rejects.toThrow(/offer_nova_price_positive|check constraint/i);
    await expect(
      db.offer.create({
        data: { merchantId: merchant.id, title: "t", description: "d", novaPrice: 10, perDriverLimit: 0 },
      }),
    ).rejects.toThrow(/check constraint/i);
    const driver = await db.user.create({ data: { email: `v-${uid()}@test.local` } });
    const vehicle = await db.vehicle.create({
      data: { userId: driver.id, provider: "SANDBOX", providerVehicleId: uid() },
    });
    await expect(
      db.telemetrySnapshot.create({
        data: { vehicleId: vehicle.id, batteryPercent: 140, capturedAt: new Date(), source: "test" },
      }),
    ).rejects.toThrow(/check constraint/i);
  });

  it("gives one physical car to one driver at a time", async () => {
    const a = await db.user.create({ data: { email: `a-${uid()}@test.local` } });
    const b = await db.user.create({ data: { email: `b-${uid()}@test.local` } });
    const providerVehicleId = `veh-${uid()}`;
    await db.vehicle.create({ data: { userId: a.id, provider: "SMARTCAR", providerVehicleId } });
    await expect(
      db.vehicle.create({ data: { userId: b.id, provider: "SMARTCAR", providerVehicleId } }),
    ).rejects.toThrow(/Unique constraint/);
  });
});
