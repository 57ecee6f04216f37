import { readBodyText, route, WEBHOOK_BODY_LIMIT } from "@/lib/http";
import { squareWebhook } from "@/lib/square";
import { receiveWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

/** Square's events (orders, refunds, revocations): raw body → signature over the configured URL → stored by event id and handled in one transaction. */
export const POST = route(
  { name: "/api/webhooks/square", permission: "public", sameOrigin: false, bodyLimit: WEBHOOK_BODY_LIMIT },
  async ({ req }) => receiveWebhook(squareWebhook(), await readBodyText(req, WEBHOOK_BODY_LIMIT), req.headers),
);
