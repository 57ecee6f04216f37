import "server-only";
import { db } from "@/lib/db";
import type { DashboardWindow } from "./window";

/** One day of money in the program: flows on the day, balances as the day ends. */
export type MoneyDay = {
  day: string;
  /** Nova credited to drivers from issuance (grants, charging rewards), net of reversals. */
  novaIssued: number;
  /** Nova that reached merchants (confirmed codes, pass payments), net of reversals. */
  novaRedeemed: number;
  /** Nova taken back by expiry. */
  novaExpired: number;
  /** Drivers' Nova (available, pending and held) at the end of the day. */
  novaOutstanding: number;
  /** Cash purchase rewards credited to drivers, net of refunds taken back. */
  cashRewardCents: number;
  /** Cash-outs drivers asked for, net of cash-outs returned to them. */
  cashOutCents: number;
  /** The float: drivers' cash (available + pending) at the end of the day. */
  owedToDriversCents: number;
  /** Every top-up merchants ever funded, as the day ends. */
  fundedCents: number;
  /** Every cash-out ever paid out, as the day ends. */
  paidOutCents: number;
};

type Row = { [K in keyof MoneyDay]: K extends "day" ? string : bigint };

/**
 * Money per business day, straight from ledger entries: flows are summed per day (in the business
 * time zone), balances are everything before the range plus a running sum; days with nothing are zeros.
 */
export async function listMoneyDays(w: DashboardWindow): Promise<MoneyDay[]> {
  const rows = await db().$queryRaw<Row[]>`
    WITH moves AS (
      SELECT CASE WHEN e."createdAt" < ${w.start} THEN NULL
                  ELSE (e."createdAt" AT TIME ZONE 'UTC' AT TIME ZONE ${w.timeZone})::date END AS day,
             a."ownerType"::text AS owner, a."kind"::text AS kind, a."currency"::text AS cur,
             COALESCE(o."type", t."type") AS base, e."amount" AS amount
      FROM "LedgerEntry" e
      JOIN "LedgerAccount" a ON a."id" = e."accountId"
      JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
      LEFT JOIN "LedgerTransaction" o ON o."id" = t."reversesId"
      WHERE e."createdAt" < ${w.end}
    ), flows AS (
      SELECT day,
        COALESCE(-SUM(amount) FILTER (WHERE owner = 'PLATFORM' AND kind = 'ISSUANCE' AND cur = 'NOVA' AND base <> 'NOVA_EXPIRY'), 0) AS issued,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'PLATFORM' AND kind = 'ISSUANCE' AND cur = 'NOVA' AND base = 'NOVA_EXPIRY'), 0) AS expired,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'MERCHANT' AND cur = 'NOVA'), 0) AS redeemed,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'DRIVER' AND cur = 'NOVA'), 0) AS driver_nova,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'DRIVER' AND cur = 'USD' AND base = 'PURCHASE_REWARD'), 0) AS rewards,
        COALESCE(-SUM(amount) FILTER (WHERE owner = 'DRIVER' AND cur = 'USD' AND base IN ('PAYOUT_REQUEST', 'PAYOUT_RETURN')), 0) AS cash_outs,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'DRIVER' AND cur = 'USD'), 0) AS driver_usd,
        COALESCE(-SUM(amount) FILTER (WHERE owner = 'PLATFORM' AND kind = 'ISSUANCE' AND cur = 'USD'), 0) AS funded,
        COALESCE(SUM(amount) FILTER (WHERE owner = 'PLATFORM' AND kind = 'PAYOUTS_SENT'), 0) AS paid
      FROM moves GROUP BY day
    ), opening AS (
      SELECT COALESCE(SUM(driver_nova), 0) AS driver_nova, COALESCE(SUM(driver_usd), 0) AS driver_usd,
             COALESCE(SUM(funded), 0) AS funded, COALESCE(SUM(paid), 0) AS paid
      FROM flows WHERE day IS NULL
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS "day",
      COALESCE(f.issued, 0)::bigint AS "novaIssued",
      COALESCE(f.redeemed, 0)::bigint AS "novaRedeemed",
      COALESCE(f.expired, 0)::bigint AS "novaExpired",
      (op.driver_nova + SUM(COALESCE(f.driver_nova, 0)) OVER w)::bigint AS "novaOutstanding",
      COALESCE(f.rewards, 0)::bigint AS "cashRewardCents",
      COALESCE(f.cash_outs, 0)::bigint AS "cashOutCents",
      (op.driver_usd + SUM(COALESCE(f.driver_usd, 0)) OVER w)::bigint AS "owedToDriversCents",
      (op.funded + SUM(COALESCE(f.funded, 0)) OVER w)::bigint AS "fundedCents",
      (op.paid + SUM(COALESCE(f.paid, 0)) OVER w)::bigint AS "paidOutCents"
    FROM generate_series(${w.from}::date, ${w.to}::date, interval '1 day') AS d(day)
    CROSS JOIN opening op
    LEFT JOIN flows f ON f.day = d.day
    WINDOW w AS (ORDER BY d.day)
    ORDER BY d.day`;
  return rows.map((r) => ({
    day: r.day,
    novaIssued: Number(r.novaIssued),
    novaRedeemed: Number(r.novaRedeemed),
    novaExpired: Number(r.novaExpired),
    novaOutstanding: Number(r.novaOutstanding),
    cashRewardCents: Number(r.cashRewardCents),
    cashOutCents: Number(r.cashOutCents),
    owedToDriversCents: Number(r.owedToDriversCents),
    fundedCents: Number(r.fundedCents),
    paidOutCents: Number(r.paidOutCents),
  }));
}
