import "server-only";
import { db } from "@/lib/db";
import type { DashboardWindow } from "./window";

export type ActivityDay = {
  day: string;
  /** Sessions that ended on the day (cancelled ones left out). */
  endedSessions: number;
  /** Of those, the ones verified. */
  verifiedSessions: number;
  activeDrivers: number;
  activeMerchants: number;
};

export type ActivityTotals = { activeDrivers: number; activeMerchants: number };

// What makes a driver or a merchant "active" on a day: something they did, never what the system did
// to them (an expiry, a reward becoming available).
const DRIVER_DOINGS = ["REDEMPTION_HOLD", "DIRECT_SPEND", "PAYOUT_REQUEST", "PURCHASE_REWARD"];
const MERCHANT_DOINGS = ["REDEMPTION_CONFIRM", "DIRECT_SPEND", "PURCHASE_REWARD"];

type Row = { day: string | null; drivers: bigint; merchants: bigint; ended: bigint; verified: bigint };

/**
 * Per business day: sessions ended and verified; drivers who started a charging session, redeemed,
 * paid, cashed out or earned a purchase reward; merchants who took Nova or paid a purchase reward.
 * The row with no day is the whole range (each driver and merchant counted once).
 */
export async function listActivityDays(w: DashboardWindow): Promise<{ days: ActivityDay[]; totals: ActivityTotals }> {
  const rows = await db().$queryRaw<Row[]>`
    WITH acts AS (
      SELECT 'D' AS who, s."driverId" AS id, s."startedAt" AS at FROM "ChargingSession" s
      WHERE s."startedAt" >= ${w.start} AND s."startedAt" < ${w.end} AND s."status" <> 'CANCELLED'
      UNION ALL
      SELECT CASE a."ownerType" WHEN 'DRIVER' THEN 'D' ELSE 'M' END, a."ownerId", e."createdAt"
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a."id" = e."accountId"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      WHERE e."createdAt" >= ${w.start} AND e."createdAt" < ${w.end}
        AND ((a."ownerType" = 'DRIVER' AND t."type" = ANY(${DRIVER_DOINGS}))
          OR (a."ownerType" = 'MERCHANT' AND t."type" = ANY(${MERCHANT_DOINGS})))
    ), dayed AS (
      SELECT who, id, (at AT TIME ZONE 'UTC' AT TIME ZONE ${w.timeZone})::date AS day FROM acts
    ), ended AS (
      SELECT (s."endedAt" AT TIME ZONE 'UTC' AT TIME ZONE ${w.timeZone})::date AS day,
             count(*) AS ended, count(*) FILTER (WHERE s."status" = 'VERIFIED') AS verified
      FROM "ChargingSession" s
      WHERE s."endedAt" >= ${w.start} AND s."endedAt" < ${w.end} AND s."status" <> 'CANCELLED'
      GROUP BY 1
    ), actives AS (
      SELECT d.day,
        count(DISTINCT x.id) FILTER (WHERE x.who = 'D') AS drivers,
        count(DISTINCT x.id) FILTER (WHERE x.who = 'M') AS merchants
      FROM generate_series(${w.from}::date, ${w.to}::date, interval '1 day') AS d(day)
      LEFT JOIN dayed x ON x.day = d.day
      GROUP BY GROUPING SETS ((d.day), ())
    )
    SELECT to_char(ac.day, 'YYYY-MM-DD') AS "day", ac.drivers, ac.merchants,
      COALESCE(CASE WHEN ac.day IS NULL THEN (SELECT SUM(ended) FROM ended) ELSE en.ended END, 0)::bigint AS "ended",
      COALESCE(CASE WHEN ac.day IS NULL THEN (SELECT SUM(verified) FROM ended) ELSE en.verified END, 0)::bigint AS "verified"
    FROM actives ac LEFT JOIN ended en ON en.day = ac.day
    ORDER BY ac.day NULLS LAST`;
  const days = rows
    .filter((r) => r.day !== null)
    .map((r) => ({
      day: r.day as string,
      endedSessions: Number(r.ended),
      verifiedSessions: Number(r.verified),
      activeDrivers: Number(r.drivers),
      activeMerchants: Number(r.merchants),
    }));
  const all = rows.find((r) => r.day === null);
  return { days, totals: { activeDrivers: Number(all?.drivers ?? 0n), activeMerchants: Number(all?.merchants ?? 0n) } };
}
