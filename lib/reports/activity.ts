import "server-only";
import { db } from "@/lib/db";
import { codeStatusView, type CodeState } from "@/lib/merchants";
import type { ReportScope } from "./scope";

/** The reward statuses of a purchase matched to a driver (paid, waiting for funds, or taken back). */
export const MATCHED_STATUSES = ["PENDING", "AVAILABLE", "WAITING_FUNDS", "REVERSED"] as const;

const inRange = (s: ReportScope) => ({ gte: s.start, lt: s.end });
const atLocation = (s: ReportScope) => (s.location ? { locationId: s.location.id } : {});

/** Charging sessions (not cancelled) that started in the range at the merchant's chargers. */
export function listVisits(s: ReportScope) {
  if (s.chargerIds.length === 0) return Promise.resolve([]);
  return db().chargingSession.findMany({
    where: { chargerId: { in: s.chargerIds }, status: { not: "CANCELLED" }, startedAt: inRange(s) },
    select: { driverId: true, startedAt: true },
  });
}

/** Codes issued for the merchant's offers in the range, each with what became of it. */
export async function listCodes(s: ReportScope): Promise<{ driverId: string; state: CodeState }[]> {
  const now = Date.now();
  const rows = await db().redemptionCode.findMany({
    where: { offer: { merchantId: s.merchantId }, createdAt: inRange(s) },
    select: {
      id: true,
      driverId: true,
      status: true,
      novaAmount: true,
      createdAt: true,
      expiresAt: true,
      settledAt: true,
    },
  });
  return rows.map((r) => ({ driverId: r.driverId, state: codeStatusView(r, now).state }));
}

/** Purchases matched to a driver whose sale happened in the range; a sale counts net of refunds. */
export async function listMatchedPurchases(s: ReportScope) {
  const rows = await db().purchaseReward.findMany({
    where: {
      merchantId: s.merchantId,
      driverId: { not: null },
      status: { in: [...MATCHED_STATUSES] },
      order: { orderedAt: inRange(s), ...atLocation(s) },
    },
    select: {
      driverId: true,
      status: true,
      order: { select: { totalCents: true, refundedCents: true, orderedAt: true } },
    },
  });
  return rows.map((r) => ({
    driverId: r.driverId!,
    reversed: r.status === "REVERSED",
    saleCents: r.order.totalCents - r.order.refundedCents,
    orderedAt: r.order.orderedAt,
  }));
}

/** Every completed Square order of the merchant in the range, program drivers or not (fully refunded ones left out). */
export async function sumCompletedOrders(s: ReportScope): Promise<{ count: number; salesCents: number }> {
  const locationId = s.location?.id ?? null;
  const [row] = await db().$queryRaw<{ count: bigint; sales: bigint | null }[]>`
    SELECT count(*) AS "count", sum("totalCents" - "refundedCents") AS "sales" FROM "SquareOrder"
    WHERE "merchantId" = ${s.merchantId} AND "state" = 'COMPLETED' AND "totalCents" > "refundedCents"
      AND "orderedAt" >= ${s.start} AND "orderedAt" < ${s.end}
      AND (${locationId}::text IS NULL OR "locationId" = ${locationId})`;
  return { count: Number(row?.count ?? 0n), salesCents: Number(row?.sales ?? 0n) };
}

/** The Nova that reached the merchant in the range (codes confirmed and pass payments, net of reversals). */
export async function sumNovaReceived(s: ReportScope): Promise<number> {
  const agg = await db().ledgerEntry.aggregate({
    where: {
      account: { ownerType: "MERCHANT", ownerId: s.merchantId, kind: "AVAILABLE", currency: "NOVA" },
      createdAt: inRange(s),
    },
    _sum: { amount: true },
  });
  return Number(agg._sum.amount ?? 0n);
}
