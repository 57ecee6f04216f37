import { readBodyText, route, WEBHOOK_BODY_LIMIT } from "@/lib/http";
import { smartcarWebhook } from "@/lib/vehicles";
import { receiveWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

/**
 * Raw body → signature → the event stored by its id and handled in one transaction (5xx on
 * failure, so Smartcar retries). Public with no origin check: the signature is the
 * authentication, and the raw body is read from ctx.req because the signature covers its bytes.
 */
export const POST = route(
  { name: "/api/webhooks/smartcar", permission: "public", sameOrigin: false, bodyLimit: WEBHOOK_BODY_LIMIT },
  async ({ req }) => receiveWebhook(smartcarWebhook(), await readBodyText(req, WEBHOOK_BODY_LIMIT), req.headers),
);
