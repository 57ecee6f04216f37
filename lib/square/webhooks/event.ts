import "server-only";
import { z } from "zod";
import { invalidEvent } from "@/lib/webhooks";

/** The order facts fetched from Square before the transaction (amounts in cents). */
export type OrderFacts = {
  squareOrderId: string;
  squareLocationId: string;
  version: number;
  state: string;
  totalCents: number;
  refundedCents: number;
  currency: string;
  customerPhone: string | null;
  cardFingerprint: string | null;
  orderedAt: Date;
  closedAt: Date | null;
};

/** A Square event as we act on it; `merchantId` and `order` are filled in by the refresh step. */
export type SquareEvent = {
  id: string;
  type: string;
  squareMerchantId: string;
  /** The order the event is about (for a refund: the order Square names on it), when it names one. */
  orderId?: string;
  merchantId?: string;
  order?: OrderFacts;
};

const id = z.string().min(1).max(255);
const envelope = z.object({
  merchant_id: id,
  type: z.string().min(1).max(100),
  event_id: id,
  created_at: z.string().min(1).max(64),
  data: z.object({ type: z.string().max(100), id: z.string().max(255), object: z.looseObject({}).optional() }),
});
const summary = z.looseObject({ order_id: id });
const ORDER_SUMMARIES = ["order_created", "order_updated", "order_fulfillment_updated"] as const;
const refund = z.looseObject({ refund: z.looseObject({ order_id: id.optional() }) });

/** The order an event is about: order events carry a summary, refunds name the (return) order. */
function orderIdOf(type: string, data: z.infer<typeof envelope>["data"]): string | undefined {
  if (type.startsWith("order.")) {
    for (const key of ORDER_SUMMARIES) {
      const parsed = summary.safeParse(data.object?.[key]);
      if (parsed.success) return parsed.data.order_id;
    }
    return data.type === "order" && data.id ? data.id : undefined;
  }
  if (type.startsWith("refund.")) return refund.safeParse(data.object).data?.refund.order_id;
  return undefined;
}

export function parseSquareEvent(body: unknown): SquareEvent {
  const parsed = envelope.safeParse(body);
  if (!parsed.success) throw invalidEvent("Unrecognised Square event.");
  const e = parsed.data;
  return {
    id: e.event_id,
    type: e.type,
    squareMerchantId: e.merchant_id,
    orderId: orderIdOf(e.type, e.data),
  };
}
