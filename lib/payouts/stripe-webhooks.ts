import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { jobsReady } from "@/lib/jobs";
import { expectsLivemode, Stripe, stripeClient, timedCall } from "@/lib/integrations/stripe";
import { logger } from "@/lib/observability";
import { invalidEvent, type WebhookHandler, type WebhookReceiver } from "@/lib/webhooks";
import { applyPayoutObject, applyTransferObject } from "./apply-stripe";
import { syncConnectedAccount } from "./connected-account";

/** A Stripe event as we act on it: its object re-read from Stripe before the transaction. */
export type StripeEvent = {
  id: string;
  type: string;
  account?: string;
  object: { id: string } & Record<string, unknown>;
};

const envelope = z.object({
  id: z.string().startsWith("evt_").max(255),
  object: z.literal("event"),
  type: z.string().min(1).max(100),
  livemode: z.boolean(),
  account: z.string().startsWith("acct_").max(255).optional(),
  data: z.object({ object: z.looseObject({ id: z.string().min(1).max(255) }) }),
});

function parser(connect: boolean) {
  return (body: unknown): StripeEvent => {
    const parsed = envelope.safeParse(body);
    if (!parsed.success) throw invalidEvent("Unrecognised Stripe event.");
    const e = parsed.data;
    // a test-mode event at a live endpoint (or the reverse) is someone else's, or a misconfiguration
    if (e.livemode !== expectsLivemode()) throw invalidEvent("This event's livemode does not match this server's key.");
    if (connect !== Boolean(e.account))
      throw invalidEvent(connect ? "A Connect event names its account." : "Account events go to the Connect endpoint.");
    return { id: e.id, type: e.type, account: e.account, object: e.data.object };
  };
}

const TOLERANCE_S = 300;

const verifier = (secret: string) => (raw: string, headers: Headers) => {
  const header = headers.get("stripe-signature");
  const signature = stripeClient().webhooks.signature;
  if (!header || !signature) return false;
  // Stripe's check refuses old timestamps only; a timestamp from the future is refused here too
  const sent = Number(/(?:^|,)t=(\d+)/.exec(header)?.[1]);
  if (!Number.isFinite(sent) || sent > Date.now() / 1000 + TOLERANCE_S) return false;
  try {
    // HMAC-SHA256 of "t.body", any v1 (secret rotation), compared in constant time
    return signature.verifyHeader(raw, header, secret, TOLERANCE_S);
  } catch {
    return false;
  }
};

/**
 * The event's object as Stripe has it now. An object Stripe says does not exist for us can never be
 * acted on: the event is acknowledged and ignored (null) instead of failing forever.
 */
async function refresh(event: StripeEvent): Promise<StripeEvent | null> {
  await jobsReady();
  const stripe = stripeClient();
  const id = event.object.id;
  const on = event.account ? { stripeAccount: event.account } : undefined;
  try {
    const object = event.type.startsWith("payout.")
      ? await timedCall("payouts.retrieve", () => stripe.payouts.retrieve(id, {}, on))
      : event.type.startsWith("transfer.")
        ? await timedCall("transfers.retrieve", () => stripe.transfers.retrieve(id))
        : await timedCall("accounts.retrieve", () => stripe.accounts.retrieve(event.account!));
    return { ...event, object: object as unknown as StripeEvent["object"] };
  } catch (err) {
    // an unknown object (404), or an account that is not connected to us (403 account_invalid)
    if (err instanceof Stripe.errors.StripeError && (err.statusCode === 404 || err.code === "account_invalid")) {
      logger.warn({ eventId: event.id, type: event.type, objectId: id }, "Stripe does not know this event's object");
      return null;
    }
    throw err;
  }
}

const onPayout: WebhookHandler<StripeEvent> = (e, tx) =>
  applyPayoutObject(tx, e.object as unknown as Stripe.Payout, e.id);
const onTransfer: WebhookHandler<StripeEvent> = (e, tx) =>
  applyTransferObject(tx, e.object as unknown as Stripe.Transfer, e.id);
const onAccount: WebhookHandler<StripeEvent> = async (e, tx) => {
  const row = await syncConnectedAccount(e.object as unknown as Stripe.Account, tx);
  return { synced: row ? 1 : 0 };
};

function secretOr404(secret: string | undefined, what: string): string {
  if (!secret) throw new AppError("not_configured", `${what} are not configured.`);
  return secret;
}

/** Platform events (our transfers), at /api/webhooks/stripe with STRIPE_WEBHOOK_SECRET. */
export function stripePlatformWebhook(): WebhookReceiver<StripeEvent> {
  return {
    provider: "STRIPE",
    verifySignature: verifier(secretOr404(config().STRIPE_WEBHOOK_SECRET, "Stripe webhooks")),
    parseEvent: parser(false),
    refresh,
    handlers: { "transfer.created": onTransfer, "transfer.updated": onTransfer, "transfer.reversed": onTransfer },
  };
}

/** Connected accounts' events (payouts, account changes), at /api/webhooks/stripe/connect with its own secret. */
export function stripeConnectWebhook(): WebhookReceiver<StripeEvent> {
  return {
    provider: "STRIPE",
    verifySignature: verifier(secretOr404(config().STRIPE_CONNECT_WEBHOOK_SECRET, "Stripe Connect webhooks")),
    parseEvent: parser(true),
    refresh,
    handlers: {
      "payout.created": onPayout,
      "payout.updated": onPayout,
      "payout.paid": onPayout,
      "payout.failed": onPayout,
      "payout.canceled": onPayout,
      "account.updated": onAccount,
      "capability.updated": onAccount,
      "account.external_account.created": onAccount,
      "account.external_account.updated": onAccount,
      "account.external_account.deleted": onAccount,
    },
  };
}
