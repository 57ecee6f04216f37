import "server-only";
import type { Square, SquareClient } from "square";
import { db } from "@/lib/db";
import { isSquareError } from "@/lib/integrations/square";
import { jobsReady } from "@/lib/jobs";
import { logger } from "@/lib/observability";
import { withSquareClient } from "../connection/with-square-client";
import type { SquareEvent } from "./event";
import { orderFacts, toE164 } from "./order-facts";

export const REVOKED = "oauth.authorization.revoked";

/** Square's answer, or null when Square says it does not exist (404); any other failure throws. */
async function unlessMissing<T>(call: () => Promise<T>): Promise<T | null> {
  try {
    return await call();
  } catch (err) {
    if (isSquareError(err) && err.statusCode === 404) return null;
    throw err;
  }
}

const getOrder = async (c: SquareClient, orderId: string): Promise<Square.Order | null> =>
  (await unlessMissing(() => c.orders.get({ orderId })))?.order ?? null;

async function phoneOf(c: SquareClient, customerId: string): Promise<string | null> {
  const found = await unlessMissing(() => c.customers.get({ customerId }));
  return toE164(found?.customer?.phoneNumber);
}

/**
 * The sale as Square has it now. A return order (what a refund makes) stands for the sale it gives
 * money back for, so refund events and return orders update the sale's refunded amount.
 */
async function currentSale(c: SquareClient, orderId: string) {
  const order = await getOrder(c, orderId);
  const saleId = order?.returns?.find((r) => r.sourceOrderId)?.sourceOrderId;
  const sale = saleId ? await getOrder(c, saleId) : order;
  if (!sale) return null;
  return orderFacts(sale, sale.customerId ? await phoneOf(c, sale.customerId) : null);
}

/**
 * Before the transaction: the connection the event's seller has with us, and the order's current
 * facts from Square. Acknowledged without acting (null) for a seller we do not know or who
 * disconnected, and for an order Square does not know; any other failure throws (5xx → redelivery),
 * including a grant that needs reconnecting: its events are handled once the owner reconnects.
 */
export async function refreshSquareEvent(event: SquareEvent): Promise<SquareEvent | null> {
  if (event.type === REVOKED) return event;
  const connection = await db().squareConnection.findUnique({
    where: { squareMerchantId: event.squareMerchantId },
    select: { merchantId: true, status: true },
  });
  const skip = (why: string) => {
    logger.info({ eventId: event.id, type: event.type, squareMerchantId: event.squareMerchantId }, why);
    return null;
  };
  if (!connection) return skip("Square event for a seller we do not know");
  if (connection.status === "DISCONNECTED") return skip("Square event for a disconnected seller");
  const orderId = event.orderId;
  if (!orderId) return skip("Square event without an order");
  await jobsReady();
  const order = await withSquareClient(connection.merchantId, (c) => currentSale(c, orderId));
  if (!order) return skip("Square does not know this event's order");
  return { ...event, merchantId: connection.merchantId, order };
}
