import "server-only";
import { db } from "@/lib/db";
import type { DashboardWindow } from "./window";

export const TOP_MERCHANTS = 10;

export type TopMerchant = {
  id: string;
  name: string;
  status: string;
  /** Nova drivers spent there in the range, net of reversals. */
  novaRedeemed: number;
  /** What the merchant's prepaid cash paid for purchase rewards (fees included), net of refunds. */
  purchaseRewardCents: number;
};

type Row = { id: string; name: string; status: string; nova: bigint; rewards: bigint };

/** The merchants drivers spent the most Nova at in the range, then by purchase rewards paid. */
export async function listTopMerchants(w: DashboardWindow): Promise<TopMerchant[]> {
  const rows = await db().$queryRaw<Row[]>`
    SELECT m."id", m."name", m."status"::text AS "status",
      COALESCE(SUM(e."amount") FILTER (WHERE a."currency" = 'NOVA'), 0)::bigint AS "nova",
      COALESCE(-SUM(e."amount") FILTER (WHERE a."currency" = 'USD' AND COALESCE(o."type", t."type") = 'PURCHASE_REWARD'), 0)::bigint AS "rewards"
    FROM "LedgerEntry" e
    JOIN "LedgerAccount" a ON a."id" = e."accountId"
    JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
    LEFT JOIN "LedgerTransaction" o ON o."id" = t."reversesId"
    JOIN "Merchant" m ON m."id" = a."ownerId"
    WHERE a."ownerType" = 'MERCHANT' AND a."kind" = 'AVAILABLE'
      AND e."createdAt" >= ${w.start} AND e."createdAt" < ${w.end}
    GROUP BY m."id", m."name", m."status"
    HAVING COALESCE(SUM(e."amount") FILTER (WHERE a."currency" = 'NOVA'), 0) <> 0
        OR COALESCE(SUM(e."amount") FILTER (WHERE a."currency" = 'USD' AND COALESCE(o."type", t."type") = 'PURCHASE_REWARD'), 0) <> 0
    ORDER BY "nova" DESC, "rewards" DESC, m."name"
    LIMIT ${TOP_MERCHANTS}`;
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    status: r.status,
    novaRedeemed: Number(r.nova),
    purchaseRewardCents: Number(r.rewards),
  }));
}
