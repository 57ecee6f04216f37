import "server-only";
import { db } from "@/lib/db";
import type { ReportScope } from "./scope";

export type CostLine = { at: Date; costCents: number; feeCents: number };

const PURCHASE_KEY = "purchase:";

/**
 * What purchase rewards cost the merchant in the range, read from the ledger: the merchant's cash
 * entries of PURCHASE_REWARD transactions and of their reversals (a refund gives the money back),
 * each split by the platform's FEES entry of the same transaction (the rest went to the driver).
 * With a location, only rewards for that location's orders.
 */
export async function listRewardCosts(s: ReportScope): Promise<CostLine[]> {
  const entries = await db().ledgerEntry.findMany({
    where: {
      account: { ownerType: "MERCHANT", ownerId: s.merchantId, kind: "AVAILABLE", currency: "USD" },
      createdAt: { gte: s.start, lt: s.end },
      transaction: {
        OR: [{ type: "PURCHASE_REWARD" }, { type: "REVERSAL", reverses: { type: "PURCHASE_REWARD" } }],
      },
    },
    select: {
      amount: true,
      createdAt: true,
      transaction: {
        select: {
          idempotencyKey: true,
          reverses: { select: { idempotencyKey: true } },
          entries: {
            where: { account: { ownerType: "PLATFORM", kind: "FEES", currency: "USD" } },
            select: { amount: true },
          },
        },
      },
    },
  });
  const lines = entries.map((e) => ({
    at: e.createdAt,
    orderKey: (e.transaction.reverses ?? e.transaction).idempotencyKey.slice(PURCHASE_KEY.length),
    costCents: -Number(e.amount),
    feeCents: e.transaction.entries.reduce((sum, f) => sum + Number(f.amount), 0),
  }));
  if (!s.location) return lines;
  const here = await ordersAt(
    s,
    lines.map((l) => l.orderKey),
  );
  return lines.filter((l) => here.has(l.orderKey));
}

/** Which of the keyed orders were sold at the report's location (a key names the order by either id). */
async function ordersAt(s: ReportScope, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const orders = await db().squareOrder.findMany({
    where: {
      merchantId: s.merchantId,
      locationId: s.location!.id,
      OR: [{ id: { in: keys } }, { squareOrderId: { in: keys } }],
    },
    select: { id: true, squareOrderId: true },
  });
  return new Set(orders.flatMap((o) => [o.id, o.squareOrderId]));
}
