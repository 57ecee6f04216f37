import { readBodyText, route, WEBHOOK_BODY_LIMIT } from "@/lib/http";
import { stripeConnectWebhook } from "@/lib/payouts";
import { receiveWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

/** Connected accounts' events (payouts, account changes), signed with the Connect endpoint's own secret. */
export const POST = route(
  { name: "/api/webhooks/stripe/connect", permission: "public", sameOrigin: false, bodyLimit: WEBHOOK_BODY_LIMIT },
  async ({ req }) => receiveWebhook(stripeConnectWebhook(), await readBodyText(req, WEBHOOK_BODY_LIMIT), req.headers),
);
