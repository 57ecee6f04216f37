import { readBodyText, route, WEBHOOK_BODY_LIMIT } from "@/lib/http";
import { stripePlatformWebhook } from "@/lib/payouts";
import { receiveWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

/** Stripe's platform events (transfers): raw body → Stripe-Signature → stored by event id and handled in one transaction. */
export const POST = route(
  { name: "/api/webhooks/stripe", permission: "public", sameOrigin: false, bodyLimit: WEBHOOK_BODY_LIMIT },
  async ({ req }) => receiveWebhook(stripePlatformWebhook(), await readBodyText(req, WEBHOOK_BODY_LIMIT), req.headers),
);
