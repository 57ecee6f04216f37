import { describe, expect, it } from "vitest";
import { createCampaign, setCampaignStatus } from "@/lib/campaigns";
import {
  createEnergyEvent,
  localDate,
  setEventParticipation,
  settleEnergyEvent,
  unsafeSettleEvent,
  unsafeSettleParticipation,
} from "@/lib/energy-events";
import { unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";
import { onPostgresServer } from "../support/env";
import { carOf, optedInDriver, pastEvent, reported } from "../support/energy-events";
import { asAdmin, asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";

keepLedgerSound();

const entry = (eventId: string, driverId: string) =>
  testDb.energyEventParticipation.findUniqueOrThrow({ where: { eventId_driverId: { eventId, driverId } } });
const novaOf = async (driverId: string) => (await unsafeGetBalances("DRIVER", driverId)).nova.available;
const eventPayments = (eventId: string) =>
  testDb.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: `energy-event:${eventId}:` } } });

describe("energy event: participation verified from the car's telemetry", () => {
  it("a replayed create makes no second event: the same name and window are refused with a sentence, concurrently too", async () => {
    const admin = asAdmin((await createUser({ role: "ADMIN" })).id);
    const date = localDate(new Date(Date.now() + 3 * 86_400_000), "America/Chicago");
    const name = `Replay ${Date.now()}`;
    const input = { name, kind: "CHARGE", date, startTime: "13:00", endTime: "14:00", bonus: "per_kwh", amount: 10 };
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => createEnergyEvent(admin, input, fakeMeta())),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r as PromiseRejectedResult).reason).toMatchObject({
        code: "event_state",
        message: `"${name}" is already scheduled for that window: nothing new was created or announced.`,
      });
    const events = await testDb.energyEvent.findMany({ where: { name } });
    expect(events).toHaveLength(1);
    expect(await testDb.announcement.count({ where: { subjectId: events[0].id } })).toBe(1);
    // another window under the same name is another event
    await createEnergyEvent(admin, { ...input, startTime: "15:00", endTime: "16:00" }, fakeMeta());
    expect(await testDb.energyEvent.count({ where: { name } })).toBe(2);
  });

  it("pays energy inside the window, nothing for charging outside it, and the inside part of a straddling session", async () => {
    const { event, admin } = await pastEvent("2026-06-02");
    const [inside, outside, straddling] = [
      await optedInDriver(event),
      await optedInDriver(event),
      await optedInDriver(event),
    ];
    // 01:30–03:30 local: 12.34 kWh, all inside
    await reported((await carOf(inside.id)).id, [
      ["2026-06-02T01:30:00-05:00", 0],
      ["2026-06-02T02:30:00-05:00", 6],
      ["2026-06-02T03:30:00-05:00", 12.34, "FULLY_CHARGED"],
    ]);
    // charged 22:00–00:30 the evening before; parked through the window
    await reported((await carOf(outside.id)).id, [
      ["2026-06-01T22:00:00-05:00", 0],
      ["2026-06-02T00:30:00-05:00", 20, "FULLY_CHARGED"],
      ["2026-06-02T02:00:00-05:00", 20, "NOT_CHARGING"],
      ["2026-06-02T04:30:00-05:00", 20, "NOT_CHARGING"],
    ]);
    // 00:00–02:00 adds 8 kWh, half of it after 01:00; then 02:00–06:00 adds 16, three quarters before 05:00
    await reported((await carOf(straddling.id)).id, [
      ["2026-06-02T00:00:00-05:00", 0],
      ["2026-06-02T02:00:00-05:00", 8],
      ["2026-06-02T06:00:00-05:00", 24, "FULLY_CHARGED"],
    ]);

    expect(await settleEnergyEvent(admin, event.id, fakeMeta())).toEqual({ EARNED: 2, NOT_EARNED: 1 });

    expect(await entry(event.id, inside.id)).toMatchObject({
      status: "EARNED",
      kwhInWindow: 12.34,
      nova: 123,
      reason: "earned 123 Nova for 12.34 kWh between 01:00 and 05:00",
    });
    expect(await entry(event.id, outside.id)).toMatchObject({
      status: "NOT_EARNED",
      nova: 0,
      reason: "not earned: no charging seen between 01:00 and 05:00",
    });
    expect(await entry(event.id, straddling.id)).toMatchObject({ status: "EARNED", kwhInWindow: 16, nova: 160 });
    expect([await novaOf(inside.id), await novaOf(outside.id), await novaOf(straddling.id)]).toEqual([123n, 0n, 160n]);
    const [line] = await unsafeListStatement("DRIVER", inside.id);
    expect(line).toMatchObject({
      type: "ENERGY_EVENT_REWARD",
      reason: expect.stringMatching(/^Night charge \w+, energy event Tue 2 Jun, 01:00–05:00$/),
    });
    const told = await testDb.notification.findFirstOrThrow({ where: { userId: inside.id, kind: "event_result" } });
    expect(told.title).toBe(`${event.name}: you earned 123 Nova`);
  });

  it("refuses phone-only evidence: pings at the charger without the car's data are not verified", async () => {
    const { event, admin } = await pastEvent("2026-06-03");
    const driver = await optedInDriver(event);
    await carOf(driver.id); // connected, but it reported nothing in the window
    const charger = await testDb.charger.create({
      data: { externalId: `c-${driver.id}`, name: "Phone Plaza", address: "1 St", latitude: 30.3, longitude: -97.7 },
    });
    const session = await testDb.chargingSession.create({
      data: { driverId: driver.id, chargerId: charger.id, status: "ACTIVE", startedAt: event.startsAt },
    });
    await testDb.locationPing.createMany({
      data: Array.from({ length: 24 }, (_, i) => ({
        sessionId: session.id,
        latitude: 30.3,
        longitude: -97.7,
        accuracyMeters: 5,
        recordedAt: new Date(event.startsAt.getTime() + i * 10 * 60_000),
      })),
    });
    await settleEnergyEvent(admin, event.id, fakeMeta());
    expect(await entry(event.id, driver.id)).toMatchObject({
      status: "NOT_VERIFIED",
      nova: 0,
      reason: "not verified: no data from your car in the window",
    });
    expect(await novaOf(driver.id)).toBe(0n);
  });

  it("opting in or out closes when the window opens; before it, both work and repeat harmlessly", async () => {
    const { event } = await pastEvent("2026-06-04");
    const driver = await createUser();
    const me = asDriver(driver.id);
    const before = new Date(event.startsAt.getTime() - 60_000);
    expect(await setEventParticipation(me, event.id, true, before)).toEqual({ eventId: event.id, optedIn: true });
    expect(await setEventParticipation(me, event.id, true, before)).toEqual({ eventId: event.id, optedIn: true });
    expect(await setEventParticipation(me, event.id, false, before)).toEqual({ eventId: event.id, optedIn: false });
    await expect(setEventParticipation(me, event.id, true, event.startsAt)).rejects.toMatchObject({
      code: "event_closed",
      message: "This event started at 01:00: opting in closed then.",
    });
    expect((await entry(event.id, driver.id)).status).toBe("OPTED_OUT");
    await setEventParticipation(me, event.id, true, before);
    await expect(
      setEventParticipation(me, event.id, false, new Date(event.startsAt.getTime() + 1)),
    ).rejects.toMatchObject({
      code: "event_closed",
    });
    expect((await entry(event.id, driver.id)).status).toBe("OPTED_IN");
  });

  it("an admin cannot settle before the window closes", async () => {
    const admin = (await pastEvent("2026-06-05")).admin;
    const future = await testDb.energyEvent.create({
      data: {
        name: "Later",
        kind: "CHARGE",
        startsAt: new Date(Date.now() + 3600_000),
        endsAt: new Date(Date.now() + 7200_000),
        novaPerKwh: 10,
        createdById: admin.userId,
      },
    });
    await expect(settleEnergyEvent(admin, future.id, fakeMeta())).rejects.toMatchObject({ code: "event_state" });
  });

  it("settling twice pays once", async () => {
    const { event, admin } = await pastEvent("2026-06-06", { bonus: "fixed", amount: 250 });
    const driver = await optedInDriver(event);
    await reported((await carOf(driver.id)).id, [
      ["2026-06-06T01:10:00-05:00", 0],
      ["2026-06-06T02:10:00-05:00", 7],
    ]);
    expect(await settleEnergyEvent(admin, event.id, fakeMeta())).toEqual({ EARNED: 1 });
    expect(await settleEnergyEvent(admin, event.id, fakeMeta())).toEqual({});
    expect(await novaOf(driver.id)).toBe(250n);
    expect(await eventPayments(event.id)).toBe(1);
  });

  it.runIf(onPostgresServer)("ten concurrent settles of the same event pay each driver once", async () => {
    const { event, admin } = await pastEvent("2026-06-07");
    const drivers = [await optedInDriver(event), await optedInDriver(event), await optedInDriver(event)];
    for (const d of drivers)
      await reported((await carOf(d.id)).id, [
        ["2026-06-07T01:00:00-05:00", 0],
        ["2026-06-07T03:00:00-05:00", 10],
      ]);
    await Promise.all(Array.from({ length: 10 }, () => settleEnergyEvent(admin, event.id, fakeMeta())));
    expect(await eventPayments(event.id)).toBe(3);
    for (const d of drivers) expect(await novaOf(d.id)).toBe(100n);
    expect((await testDb.energyEvent.findUniqueOrThrow({ where: { id: event.id } })).spentNova).toBe(300);
  });

  it.runIf(onPostgresServer)(
    "the budget holds when 12 drivers are settled at once: exactly the budget is paid",
    async () => {
      const { event } = await pastEvent("2026-06-08", { bonus: "fixed", amount: 100, budgetNova: 550 });
      const drivers = await Promise.all(Array.from({ length: 12 }, () => optedInDriver(event)));
      for (const d of drivers)
        await reported((await carOf(d.id)).id, [
          ["2026-06-08T01:00:00-05:00", 0],
          ["2026-06-08T02:00:00-05:00", 5],
        ]);
      const entries = await testDb.energyEventParticipation.findMany({ where: { eventId: event.id } });
      const terms = await testDb.energyEvent.findUniqueOrThrow({ where: { id: event.id } });
      const outcomes = await Promise.all(entries.map((p) => unsafeSettleParticipation({ ...p, event: terms })));
      expect(outcomes.filter((o) => o === "EARNED")).toHaveLength(6);
      const results = await testDb.energyEventParticipation.findMany({ where: { eventId: event.id } });
      expect(results.map((r) => r.nova).sort((a, b) => b - a)).toEqual([100, 100, 100, 100, 100, 50, 0, 0, 0, 0, 0, 0]);
      expect(results.filter((r) => r.reason?.startsWith("not earned: the event's budget was used up"))).toHaveLength(6);
      expect((await testDb.energyEvent.findUniqueOrThrow({ where: { id: event.id } })).spentNova).toBe(550);
      const paid = await Promise.all(drivers.map((d) => novaOf(d.id)));
      expect(paid.reduce((a, b) => a + b, 0n)).toBe(550n);
      expect(await unsafeSettleEvent(event.id)).toEqual({});
    },
  );

  it("campaigns on the energy_event trigger pay on top, through the rewards engine, once", async () => {
    const { event, admin } = await pastEvent("2026-06-09", { amount: 5 });
    const driver = await optedInDriver(event);
    await reported((await carOf(driver.id)).id, [
      ["2026-06-09T02:00:00-05:00", 0],
      ["2026-06-09T03:00:00-05:00", 20],
    ]);
    // limited to this event's day, so no other test's event qualifies
    const campaign = await createCampaign(
      admin,
      {
        definition: {
          name: "Grid hero",
          trigger: "energy_event",
          limits: { startsAt: "2026-06-09T00:00:00-05:00", endsAt: "2026-06-10T00:00:00-05:00", perDriver: 1 },
          effects: [{ kind: "multiplier", factor: 2 }],
        },
      },
      fakeMeta(),
    );
    await setCampaignStatus(admin, campaign.id, "LIVE", fakeMeta());
    await settleEnergyEvent(admin, event.id, fakeMeta());
    await settleEnergyEvent(admin, event.id, fakeMeta());
    expect(await novaOf(driver.id)).toBe(200n);
    const lines = await unsafeListStatement("DRIVER", driver.id);
    expect(lines.map((l) => [l.type, l.reason]).sort()).toEqual([
      ["CAMPAIGN_REWARD", "Grid hero, 2× Nova"],
      ["ENERGY_EVENT_REWARD", expect.stringContaining(", energy event Tue 9 Jun, 01:00–05:00")],
    ]);
  });

  it("a driver held for review waits (HELD, nothing paid) and is paid when the hold ends", async () => {
    const { event, admin } = await pastEvent("2026-06-10", { bonus: "fixed", amount: 150 });
    const driver = await optedInDriver(event);
    await reported((await carOf(driver.id)).id, [
      ["2026-06-10T01:30:00-05:00", 0],
      ["2026-06-10T02:30:00-05:00", 8],
    ]);
    const flag = await testDb.riskFlag.create({
      data: { driverId: driver.id, rule: "test", evidence: {}, fingerprint: "f1", summary: "Under review" },
    });
    expect(await settleEnergyEvent(admin, event.id, fakeMeta())).toEqual({ HELD: 1 });
    expect(await entry(event.id, driver.id)).toMatchObject({ status: "HELD", nova: 0 });
    expect(await novaOf(driver.id)).toBe(0n);
    await testDb.riskFlag.update({
      where: { id: flag.id },
      data: { status: "APPROVED", decidedById: admin.userId, decidedAt: new Date(), decisionReason: "Looks fine" },
    });
    expect(await unsafeSettleEvent(event.id)).toEqual({ EARNED: 1 });
    expect(await novaOf(driver.id)).toBe(150n);
  });
});
