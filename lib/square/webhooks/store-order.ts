import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { unsafeSettlePurchase } from "@/lib/purchases";
import type { WebhookAnswer } from "@/lib/webhooks";
import type { SquareEvent } from "./event";

const HOUR_MS = 3_600_000;

/**
 * In the event's transaction: keep the order's newest version (an older one never overwrites it,
 * whatever order the events arrive in), then let purchases settle it. Orders at a location that is
 * not the seller's own MerchantLocation are acknowledged and not stored.
 */
export async function storeSquareOrder(event: SquareEvent, tx: Tx): Promise<WebhookAnswer> {
  const { order, merchantId } = event;
  if (!order || !merchantId) return { ignored: true };
  const location = await tx.merchantLocation.findUnique({
    where: { squareLocationId: order.squareLocationId },
    select: { id: true, merchantId: true },
  });
  if (!location || location.merchantId !== merchantId) return { ignored: "unknown_location" };

  const { squareOrderId, ...facts } = order;
  const fields = { ...facts, locationId: location.id, fetchedAt: new Date() };
  // ON CONFLICT DO NOTHING, then an update only to a higher version: concurrent deliveries queue on the row
  const created = await tx.squareOrder.createMany({
    data: [{ squareOrderId, merchantId, ...fields }],
    skipDuplicates: true,
  });
  const updated =
    created.count > 0
      ? 0
      : (
          await tx.squareOrder.updateMany({
            where: { squareOrderId, merchantId, version: { lt: order.version } },
            data: fields,
          })
        ).count;
  const row = await tx.squareOrder.findUnique({
    where: { squareOrderId },
    select: { id: true, merchantId: true, version: true, state: true, createdAt: true, orderedAt: true },
  });
  if (!row || row.merchantId !== merchantId) return { ignored: "other_merchant" };
  const answer = { order: squareOrderId, version: row.version, state: row.state, stored: created.count + updated > 0 };

  // a sale that reached us (first) more than PURCHASE_LATE_ORDER_HOURS after it happened is kept, never rewarded
  const lateMs = config().PURCHASE_LATE_ORDER_HOURS * HOUR_MS;
  if (row.createdAt.getTime() - row.orderedAt.getTime() > lateMs) return { ...answer, late: true };
  // always, even when this version was not newer: settling is idempotent
  const settled = await unsafeSettlePurchase(tx, row.id);
  return { ...answer, settled: settled?.status ?? null };
}
