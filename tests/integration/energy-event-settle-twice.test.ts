import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { unsafeGetBalances } from "@/lib/ledger";
import { actAs, run } from "../support/actions";
import { onPostgresServer } from "../support/env";
import { carOf, optedInDriver, pastEvent, reported } from "../support/energy-events";
import { createUser, signedIn, testDb } from "../support/factories";
import { keepLedgerSound } from "../support/purchases";

// "Settle now" clicked twice, one click after the other or both at once (two tabs, a double click):
// every driver is paid once, and every answer is a sentence, the later one saying nothing was left.

vi.mock("next/headers", async () => (await import("../support/actions")).nextHeadersMock());
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
const { settleEnergyEventAction } = await import("@/lib/actions/admin/settle-energy-event");

keepLedgerSound();
afterAll(() => testDb.$disconnect());
beforeEach(async () => actAs((await signedIn((await createUser({ role: "ADMIN" })).id)).sessionToken));

type Answer = { ok: true; data: { counts: Record<string, number>; summary: string } };
const NOTHING_LEFT = "Nothing was left to settle: every participation was settled already, and nobody is paid twice.";
const payments = (eventId: string) =>
  testDb.ledgerTransaction.count({ where: { idempotencyKey: { startsWith: `energy-event:${eventId}:` } } });
const novaOf = async (driverId: string) => (await unsafeGetBalances("DRIVER", driverId)).nova.available;

/** An ended event (fixed 200 Nova) with `n` opted-in drivers whose cars charged 7 kWh inside its window. */
async function endedEventWith(n: number, date: string) {
  const { event } = await pastEvent(date, { bonus: "fixed", amount: 200 });
  const drivers = [];
  for (let i = 0; i < n; i++) {
    const driver = await optedInDriver(event);
    await reported((await carOf(driver.id)).id, [
      [`${date}T01:10:00-05:00`, 0],
      [`${date}T02:10:00-05:00`, 7],
    ]);
    drivers.push(driver);
  }
  return { event, drivers };
}

describe("settling an ended energy event twice through the admin's button", () => {
  it("the second click pays nothing and says so in a sentence", async () => {
    const { event, drivers } = await endedEventWith(2, "2026-05-04");
    const first = (await run(settleEnergyEventAction, { eventId: event.id })) as Answer;
    expect(first).toEqual({ ok: true, data: { counts: { EARNED: 2 }, summary: "Settled: 2 earned." } });
    const second = (await run(settleEnergyEventAction, { eventId: event.id })) as Answer;
    expect(second).toEqual({ ok: true, data: { counts: {}, summary: NOTHING_LEFT } });
    expect(await payments(event.id)).toBe(2);
    for (const d of drivers) expect(await novaOf(d.id)).toBe(200n);
  });

  it.runIf(onPostgresServer)(
    "two (or five) clicks at once pay each driver once, each answered in a sentence",
    async () => {
      const { event, drivers } = await endedEventWith(3, "2026-05-05");
      const answers = (await Promise.all(
        Array.from({ length: 5 }, () => run(settleEnergyEventAction, { eventId: event.id })),
      )) as Answer[];
      for (const a of answers) {
        expect(a.ok).toBe(true);
        expect(a.data.summary).toMatch(/^(Settled: \d+ earned\.|Nothing was left to settle: .+\.)$/);
      }
      // between them the clicks decided each driver exactly once
      expect(answers.reduce((n, a) => n + (a.data.counts.EARNED ?? 0), 0)).toBe(3);
      expect(await payments(event.id)).toBe(3);
      for (const d of drivers) expect(await novaOf(d.id)).toBe(200n);
      expect((await testDb.energyEvent.findUniqueOrThrow({ where: { id: event.id } })).spentNova).toBe(600);
      expect(await run(settleEnergyEventAction, { eventId: event.id })).toMatchObject({
        ok: true,
        data: { summary: NOTHING_LEFT },
      });
    },
  );
});
