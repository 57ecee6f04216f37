import "server-only";
import type { Tx } from "@/lib/db";

export type LockedOrder = {
  id: string;
  squareOrderId: string;
  merchantId: string;
  locationId: string | null;
  state: string;
  totalCents: number;
  refundedCents: number;
  customerPhone: string | null;
  cardFingerprint: string | null;
  orderedAt: Date;
};

/**
 * Locks a Square order's row for the rest of the transaction: every decision about its reward
 * (settle, answer, release, fund) takes this lock first, so they happen one after another.
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<LockedOrder | null> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT "id", "squareOrderId", "merchantId", "locationId", "state", "totalCents", "refundedCents",
           "customerPhone", "cardFingerprint", "orderedAt"
    FROM "SquareOrder" WHERE "id" = ${orderId} FOR UPDATE`;
  return rows[0] ?? null;
}
