import type { Db } from "@/lib/db/client";
import { makeRewardAvailable, postPendingReward } from "@/lib/rewards";
// the wall-clock helpers only, as the other demo files use them
// eslint-disable-next-line no-restricted-imports
import { localDate, localToInstant } from "@/lib/energy-events/local-time";
import { DEMO_CHARGERS } from "./places";

// A month of charging for the demo drivers, so the campaign simulator has real history to replay
// ("Replayed 0 triggers" otherwise) and the wallets show how Nova is earned. Each session is written
// as verification leaves it (VERIFIED, with its energy), and its reward goes through the reward path
// itself: postPendingReward then makeRewardAvailable in one transaction under the session's lock, as
// lib/charging does — so the ledger postings, the daily cap and the live campaigns (the Night owl
// bonus pays the night sessions since it went live) are the ones a real session gets. The ledger
// rows are dated when the seed ran: the ledger has no backdating; the sessions carry their own times.

const ZONE = process.env.BUSINESS_TIME_ZONE ?? "America/Chicago";
const DAY = 86_400_000;
/** Session ids are `demo-charge-<driver tag>-<n>`: a second seed finds them and adds nothing. */
const PREFIX = "demo-charge";

export type HistoryDriver = { id: string; tag: string };

/** A small deterministic generator: the same drivers get the same month on every seed. */
function generator(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const NIGHT = ["01:10", "01:45", "02:20", "02:50", "03:30", "04:05"];
const DAYTIME = ["07:40", "09:15", "12:20", "13:05", "17:30", "18:45", "20:10"];

/** About ten sessions in the last 29 days, roughly every third one started at night (01:00–05:00). */
function planFor(driverIndex: number, now: Date) {
  const next = generator(2026 + driverIndex * 7919);
  const plan: { startedAt: Date; minutes: number; kwh: number; charger: (typeof DEMO_CHARGERS)[number] }[] = [];
  for (let daysAgo = 29 - driverIndex; daysAgo >= 1; daysAgo -= 2 + Math.floor(next() * 3)) {
    const night = next() < 0.38;
    const clock = night ? NIGHT[Math.floor(next() * NIGHT.length)] : DAYTIME[Math.floor(next() * DAYTIME.length)];
    const startedAt = localToInstant(localDate(new Date(now.getTime() - daysAgo * DAY), ZONE), clock, ZONE);
    const minutes = 30 + Math.floor(next() * 50);
    const kwh = Math.round((10 + next() * 32) * 10) / 10;
    const charger = DEMO_CHARGERS[Math.floor(next() * DEMO_CHARGERS.length)];
    if (startedAt.getTime() + minutes * 60_000 < now.getTime()) plan.push({ startedAt, minutes, kwh, charger });
  }
  return plan;
}

/**
 * Idempotent: the drivers' verified sessions of the last month and their rewards, once. A driver who
 * has any demo session already is left as they are (their month was written by an earlier seed).
 */
export async function seedChargingHistory(db: Db, drivers: HistoryDriver[], now = new Date()): Promise<number> {
  const chargers = new Map(
    (
      await db.charger.findMany({
        where: { externalId: { in: DEMO_CHARGERS.map((c) => c.externalId) } },
        select: { id: true, externalId: true },
      })
    ).map((c) => [c.externalId, c.id]),
  );
  let written = 0;
  for (const [index, driver] of drivers.entries()) {
    const prefix = `${PREFIX}-${driver.tag}-`;
    if (await db.chargingSession.findFirst({ where: { id: { startsWith: prefix } }, select: { id: true } })) continue;
    for (const [n, s] of planFor(index, now).entries()) {
      const session = {
        id: `${prefix}${String(n + 1).padStart(2, "0")}`,
        driverId: driver.id,
        chargerName: s.charger.name,
        isPartner: s.charger.isPartner,
        kwhDelivered: s.kwh,
        batteryGained: null,
      };
      const endedAt = new Date(s.startedAt.getTime() + s.minutes * 60_000);
      await db.$transaction(
        async (tx) => {
          await tx.chargingSession.create({
            data: {
              id: session.id,
              driverId: driver.id,
              chargerId: chargers.get(s.charger.externalId)!,
              status: "VERIFIED",
              startedAt: s.startedAt,
              endedAt,
              verifiedAt: endedAt,
              kwhDelivered: s.kwh,
              verificationReason: "Verified: your car charged here and your phone confirmed you stayed.",
            },
          });
          // as verification does (lib/charging): pending at the end of the session (its day's cap), then available
          await postPendingReward(tx, session, endedAt);
          await makeRewardAvailable(tx, session);
        },
        { isolationLevel: "ReadCommitted" },
      );
      written++;
    }
  }
  return written;
}
