import "server-only";
import { db, type Tx, type WebhookProvider } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { runMoneyTx } from "@/lib/ledger";
import { logger } from "@/lib/observability";
import { webhookMetrics } from "./metrics";

/** What every provider's event carries: its own id (stable across redeliveries) and its type. */
export type ProviderEvent = { id: string; type: string };
export type WebhookAnswer = Record<string, unknown>;
export type WebhookHandler<E> = (event: E, tx: Tx) => Promise<WebhookAnswer | void>;

/** One provider's webhook: how to check its signature, read its envelope, and the event types we act on. */
export type WebhookReceiver<E extends ProviderEvent> = {
  provider: WebhookProvider;
  /** True when the request's signature matches the raw body (compared in constant time). */
  verifySignature(rawBody: string, headers: Headers): boolean;
  /** The provider's envelope, or an `invalid_event` AppError (400). */
  parseEvent(body: unknown): E;
  /** The allowlist: each type we act on, handled in the transaction that stores the event. */
  handlers: Partial<Record<string, WebhookHandler<E>>>;
  /**
   * Runs before the transaction, for handled types only: re-reads the event's object from the
   * provider (so late and out-of-order events act on its current state) and readies the job
   * queue. A failure answers 5xx, so the provider delivers the event again; null (the provider
   * says the object does not exist) acknowledges the event without acting on it.
   */
  refresh?: (event: E) => Promise<E | null>;
  /** Types answered without storing anything, the same answer on every delivery (an endpoint challenge). */
  answerAtOnce?: Partial<Record<string, (event: E) => WebhookAnswer>>;
};

export const invalidEvent = (message = "Unrecognised event.") => new AppError("invalid_event", message);

/**
 * The one webhook pattern: raw body → signature (400 when missing or wrong) → envelope → allowlist
 * → store the provider's event id and handle it in ONE transaction. A duplicate answers 2xx and
 * does nothing; a handling failure rolls the event row back and answers 5xx, so the provider's
 * redelivery is handled. Concurrent deliveries of one event queue on the unique (provider, eventId).
 */
export async function receiveWebhook<E extends ProviderEvent>(
  receiver: WebhookReceiver<E>,
  rawBody: string,
  headers: Headers,
): Promise<WebhookAnswer> {
  const { provider } = receiver;
  if (!receiver.verifySignature(rawBody, headers)) throw new AppError("bad_signature", "Signature missing or wrong.");
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    throw invalidEvent("The event body is not JSON.");
  }
  const event = receiver.parseEvent(body);
  const count = (outcome: string) => webhookMetrics().deliveries.inc({ provider, outcome });

  const answer = own(receiver.answerAtOnce, event.type);
  if (answer) return answer(event);
  const handle = own(receiver.handlers, event.type);
  if (!handle) {
    count("ignored");
    return { ignored: true };
  }
  // a redelivery of a handled event needs no call to the provider (the transaction below still decides)
  const key = { provider, eventId: event.id };
  if (
    receiver.refresh &&
    (await db().webhookEvent.findUnique({ where: { provider_eventId: key }, select: { id: true } }))
  ) {
    count("duplicate");
    return { duplicate: true };
  }
  try {
    const fresh = receiver.refresh ? await receiver.refresh(event) : event;
    if (fresh === null) {
      count("ignored");
      return { ignored: true };
    }
    const result = await runMoneyTx(async (tx) => {
      const stored = await tx.webhookEvent.createMany({
        data: [{ ...key, type: event.type, payload: body as object }],
        skipDuplicates: true,
      });
      if (stored.count === 0) return { duplicate: true };
      const handled = (await handle(fresh, tx)) ?? {};
      await tx.webhookEvent.update({ where: { provider_eventId: key }, data: { processedAt: new Date() } });
      return handled;
    });
    count(result.duplicate === true ? "duplicate" : "handled");
    return result;
  } catch (err) {
    count("failed");
    logger.error(
      { err, provider, eventId: event.id, type: event.type },
      "webhook handling failed; awaiting redelivery",
    );
    // 5xx whatever the cause, even a known error: the provider retries only on a failure status
    throw new AppError("webhook_failed", "The event could not be processed; please deliver it again.");
  }
}

const own = <T>(map: Partial<Record<string, T>> | undefined, key: string): T | undefined =>
  map && Object.hasOwn(map, key) ? map[key] : undefined;
