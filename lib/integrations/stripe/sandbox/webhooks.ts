// Webhook delivery as Stripe does it: signed JSON POSTs, after (never inside) the API request that
// caused them, retried with backoff on a non-2xx answer or a connection error.
import { setImmediate as nextTick, setTimeout as sleep } from "node:timers/promises";
import Stripe from "stripe";
import type { StripeEvent } from "./objects";
import type { WebhookDelivery } from "@/lib/integrations/sandbox-kit";

export type WebhookEndpoint = { url: string; secret: string };

export type { WebhookDelivery };

export type WebhookSender = ReturnType<typeof createWebhookSender>;

const ATTEMPT_TIMEOUT_MS = 10_000;

export function createWebhookSender(options: {
  platform?: WebhookEndpoint;
  connect?: WebhookEndpoint;
  retryDelaysMs: number[];
}) {
  const deliveries: WebhookDelivery[] = [];
  const running = new Set<Promise<void>>();
  const stopped = new AbortController();
  // Connected-account events (they carry `account`) go to the Connect endpoint only.
  const endpointFor = (event: StripeEvent) => (event.account ? options.connect : options.platform);

  async function attempt(event: StripeEvent, endpoint: WebhookEndpoint, attemptNumber: number): Promise<boolean> {
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: endpoint.secret });
    const record = { eventId: event.id, type: event.type, url: endpoint.url, attempt: attemptNumber, at: new Date() };
    try {
      const res = await fetch(endpoint.url, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/json; charset=utf-8",
          "stripe-signature": signature,
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
        },
        body: payload,
        signal: AbortSignal.any([stopped.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await res.arrayBuffer().catch(() => undefined);
      deliveries.push({ ...record, status: res.status });
      return res.ok;
    } catch (err) {
      if (stopped.signal.aborted) return true;
      deliveries.push({
        ...record,
        status: null,
        error: (err as Error).cause ? String((err as Error).cause) : String(err),
      });
      return false;
    }
  }

  async function deliver(event: StripeEvent): Promise<void> {
    const endpoint = endpointFor(event);
    if (!endpoint) return;
    for (let n = 0; n <= options.retryDelaysMs.length; n++) {
      if (n > 0)
        await sleep(options.retryDelaysMs[n - 1], undefined, { signal: stopped.signal }).catch(() => undefined);
      if (stopped.signal.aborted || (await attempt(event, endpoint, n + 1))) return;
    }
  }

  function track(delivery: Promise<void>): Promise<void> {
    running.add(delivery);
    void delivery.finally(() => running.delete(delivery));
    return delivery;
  }

  return {
    deliveries,
    hasEndpointFor: (event: StripeEvent) => endpointFor(event) !== undefined,
    /** Queues the event; it leaves once the current request has been answered. */
    send: (event: StripeEvent) => void track(nextTick().then(() => deliver(event))),
    redeliver: (event: StripeEvent) => track(deliver(event)),
    /** Resolves when no delivery (retries included) is under way. */
    async settled(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
    close: () => stopped.abort(),
  };
}
