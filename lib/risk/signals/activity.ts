import "server-only";
import { db } from "@/lib/db";
import { fingerprintOf } from "../finding";
import { ACTIVITY_DAYS, daysBefore, type Detector } from "./context";

type Burst = { firstId: string; firstAt: Date; n: bigint };

/** The first moment at which more than `max` rows started within one hour (a sliding window). */
async function firstBurst(table: "ChargingSession" | "RedemptionCode", driverId: string, since: Date, max: number) {
  const rows =
    table === "ChargingSession"
      ? await db().$queryRaw<Burst[]>`
          SELECT "id" AS "firstId", "startedAt" AS "firstAt", n FROM (
            SELECT "id", "startedAt", count(*) OVER (ORDER BY "startedAt" RANGE BETWEEN CURRENT ROW AND INTERVAL '1 hour' FOLLOWING) AS n
            FROM "ChargingSession" WHERE "driverId" = ${driverId} AND "startedAt" >= ${since}) w
          WHERE n > ${max} ORDER BY "startedAt" LIMIT 1`
      : await db().$queryRaw<Burst[]>`
          SELECT "id" AS "firstId", "createdAt" AS "firstAt", n FROM (
            SELECT "id", "createdAt", count(*) OVER (ORDER BY "createdAt" RANGE BETWEEN CURRENT ROW AND INTERVAL '1 hour' FOLLOWING) AS n
            FROM "RedemptionCode" WHERE "driverId" = ${driverId} AND "createdAt" >= ${since}) w
          WHERE n > ${max} ORDER BY "createdAt" LIMIT 1`;
  return rows[0] ?? null;
}

export const sessionBurst: Detector = async ({ driver, now }, t) => {
  const burst = await firstBurst("ChargingSession", driver.id, daysBefore(now, ACTIVITY_DAYS), t.maxPerHour);
  if (!burst) return null;
  const sessions = await db().chargingSession.findMany({
    where: {
      driverId: driver.id,
      startedAt: { gte: burst.firstAt, lte: new Date(burst.firstAt.getTime() + 3_600_000) },
    },
    orderBy: { startedAt: "asc" },
    select: { startedAt: true, status: true, charger: { select: { name: true } } },
  });
  return {
    rule: "session_burst",
    summary: `${burst.n} charging sessions started within one hour (limit ${t.maxPerHour}).`,
    fingerprint: fingerprintOf(burst.firstId),
    evidence: {
      facts: [`From ${burst.firstAt.toISOString()}`, `Limit: ${t.maxPerHour} an hour`],
      timeline: sessions.map((s) => ({
        at: s.startedAt.toISOString(),
        what: `Session at ${s.charger.name} (${s.status.toLowerCase()})`,
      })),
    },
  };
};

export const redemptionBurst: Detector = async ({ driver, now }, t) => {
  const burst = await firstBurst("RedemptionCode", driver.id, daysBefore(now, ACTIVITY_DAYS), t.maxPerHour);
  if (!burst) return null;
  const codes = await db().redemptionCode.findMany({
    where: {
      driverId: driver.id,
      createdAt: { gte: burst.firstAt, lte: new Date(burst.firstAt.getTime() + 3_600_000) },
    },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, novaAmount: true, status: true, offer: { select: { title: true } } },
  });
  return {
    rule: "redemption_burst",
    summary: `${burst.n} redemption codes taken within one hour (limit ${t.maxPerHour}).`,
    fingerprint: fingerprintOf(burst.firstId),
    evidence: {
      facts: [`From ${burst.firstAt.toISOString()}`, `Limit: ${t.maxPerHour} an hour`],
      timeline: codes.map((c) => ({
        at: c.createdAt.toISOString(),
        what: `${c.offer.title}: ${c.novaAmount} Nova (${c.status.toLowerCase()})`,
      })),
    },
  };
};

export const claimsRate: Detector = async ({ driver, now }, t) => {
  const claims = await db().rewardClaim.findMany({
    where: { driverId: driver.id, createdAt: { gte: daysBefore(now, t.windowDays) } },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, status: true, note: true },
  });
  if (claims.length <= t.maxClaims) return null;
  return {
    rule: "claims_rate",
    summary: `${claims.length} missing-reward claims in ${t.windowDays} days (limit ${t.maxClaims}).`,
    fingerprint: fingerprintOf(...claims.map((c) => c.id)),
    evidence: {
      facts: [`Window: ${t.windowDays} days`, `Limit: ${t.maxClaims}`],
      timeline: claims.map((c) => ({
        at: c.createdAt.toISOString(),
        what: `Claim (${c.status.toLowerCase()}): ${c.note.slice(0, 80)}`,
      })),
    },
  };
};

const EARNINGS = ["SESSION_REWARD_RELEASE", "PURCHASE_REWARD_RELEASE"];

/** A new account whose cash-out came within minutes of a reward reaching its available cash. */
export const earnThenCashOut: Detector = async ({ driver, now, cashOut }, t) => {
  if (now.getTime() - driver.createdAt.getTime() > t.maxAccountAgeDays * 86_400_000) return null;
  const since = driver.createdAt;
  const [earned, payouts] = await Promise.all([
    db().$queryRaw<{ id: string; at: Date; cents: bigint }[]>`
      SELECT t."id", t."createdAt" AS "at", e."amount" AS "cents"
      FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId" JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      WHERE a."ownerType" = 'DRIVER' AND a."ownerId" = ${driver.id} AND a."kind" = 'AVAILABLE' AND a."currency" = 'USD'
        AND e."amount" > 0 AND t."type" = ANY(${EARNINGS}) AND t."createdAt" >= ${since}
      ORDER BY t."createdAt"`,
    db().payout.findMany({
      where: { userId: driver.id, createdAt: { gte: since } },
      select: { createdAt: true, amountCents: true },
    }),
  ]);
  const asks = payouts.map((p) => ({ at: p.createdAt, cents: p.amountCents }));
  if (cashOut) asks.push(cashOut);
  const windowMs = t.windowMinutes * 60_000;
  for (const ask of asks.filter((a) => a.cents >= t.minCashOutCents).sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const earn = earned.find((e) => ask.at >= e.at && ask.at.getTime() - e.at.getTime() <= windowMs);
    if (!earn) continue;
    const minutes = Math.max(0, Math.round((ask.at.getTime() - earn.at.getTime()) / 60_000));
    return {
      rule: "earn_then_cash_out",
      summary: `A ${Math.ceil((now.getTime() - driver.createdAt.getTime()) / 86_400_000)}-day-old account asked to cash out ${minutes} minutes after earning.`,
      fingerprint: fingerprintOf(earn.id),
      evidence: {
        facts: [`Account created ${driver.createdAt.toISOString()}`, `Window: ${t.windowMinutes} minutes`],
        timeline: [
          { at: driver.createdAt.toISOString(), what: "Account created" },
          ...earned.map((e) => ({ at: e.at.toISOString(), what: `Reward of ${e.cents} cents available` })),
          { at: ask.at.toISOString(), what: `Cash-out of ${ask.cents} cents requested` },
        ],
      },
    };
  }
  return null;
};
