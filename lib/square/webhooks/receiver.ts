import "server-only";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { WebhookHandler, WebhookReceiver } from "@/lib/webhooks";
import { unsafeMarkReconnectRequired } from "../connection/with-square-client";
import { parseSquareEvent, type SquareEvent } from "./event";
import { refreshSquareEvent, REVOKED } from "./refresh";
import { squareNotificationUrl, squareSignatureVerifier } from "./signature";
import { storeSquareOrder } from "./store-order";

const onRevoked: WebhookHandler<SquareEvent> = async (event, tx) => ({
  reconnectRequired: await unsafeMarkReconnectRequired(
    tx,
    { squareMerchantId: event.squareMerchantId },
    "The seller revoked Nerava's access in Square.",
  ),
});

/** Square's events at /api/webhooks/square, signed with SQUARE_WEBHOOK_SIGNATURE_KEY over the configured URL. */
export function squareWebhook(): WebhookReceiver<SquareEvent> {
  const key = config().SQUARE_WEBHOOK_SIGNATURE_KEY;
  if (!key) throw new AppError("not_configured", "Square webhooks are not configured.");
  return {
    provider: "SQUARE",
    verifySignature: squareSignatureVerifier(key, squareNotificationUrl()),
    parseEvent: parseSquareEvent,
    refresh: refreshSquareEvent,
    handlers: {
      "order.created": storeSquareOrder,
      "order.updated": storeSquareOrder,
      "order.fulfillment.updated": storeSquareOrder,
      "refund.created": storeSquareOrder,
      "refund.updated": storeSquareOrder,
      [REVOKED]: onRevoked,
    },
  };
}
