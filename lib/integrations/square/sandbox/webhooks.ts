// Webhook delivery as Square does it: JSON POSTs signed over the subscription's notification URL and
// the raw body, sent after (never inside) the change that caused them, retried on a non-2xx answer.
import { createHmac } from "node:crypto";
import { setImmediate as nextTick, setTimeout as sleep } from "node:timers/promises";
import type { SquareEvent } from "./objects";
import type { WebhookDelivery } from "@/lib/integrations/sandbox-kit";

export type WebhookSubscription = {
  /** Where the sandbox POSTs (e.g. http://127.0.0.1:3000/api/webhooks/square). */
  url: string;
  signatureKey: string;
  /** The URL Square signs over: the public one configured for the subscription, which may differ from `url`. */
  notificationUrl: string;
};

export type { WebhookDelivery };

export type WebhookSender = ReturnType<typeof createWebhookSender>;

const ATTEMPT_TIMEOUT_MS = 10_000;

/** `x-square-hmacsha256-signature`: base64 HMAC-SHA256 of notification URL + raw body. */
export function signSquareWebhook(signatureKey: string, notificationUrl: string, body: string): string {
  return createHmac("sha256", signatureKey)
    .update(notificationUrl + body)
    .digest("base64");
}

export function createWebhookSender(options: { subscription?: WebhookSubscription; retryDelaysMs: number[] }) {
  const deliveries: WebhookDelivery[] = [];
  const running = new Set<Promise<void>>();
  const stopped = new AbortController();

  /** Resolves "" when the receiver took it, else Square's retry reason for the next try. */
  async function attempt(event: SquareEvent, sub: WebhookSubscription, n: number, first: Date, reason: string) {
    const body = JSON.stringify(event);
    const record = { eventId: event.event_id, type: event.type, url: sub.url, attempt: n, at: new Date() };
    try {
      const res = await fetch(sub.url, {
        method: "POST",
        redirect: "manual",
        headers: {
          "content-type": "application/json",
          "user-agent": "Square Connect v2",
          "square-environment": "Sandbox",
          "square-initial-delivery-timestamp": first.toISOString(),
          "x-square-hmacsha256-signature": signSquareWebhook(sub.signatureKey, sub.notificationUrl, body),
          // Square counts retries, not the first delivery.
          ...(n > 1 && { "square-retry-number": String(n - 1), "square-retry-reason": reason }),
        },
        body,
        signal: AbortSignal.any([stopped.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      await res.arrayBuffer().catch(() => undefined);
      deliveries.push({ ...record, status: res.status });
      return res.ok ? "" : "http_error";
    } catch (err) {
      if (stopped.signal.aborted) return "";
      const cause = (err as Error).cause;
      deliveries.push({ ...record, status: null, error: cause ? String(cause) : String(err) });
      return (err as Error).name === "TimeoutError" ? "timeout" : "connection_error";
    }
  }

  async function deliver(event: SquareEvent): Promise<void> {
    const sub = options.subscription;
    if (!sub) return;
    const first = new Date();
    let reason = "";
    for (let n = 0; n <= options.retryDelaysMs.length; n++) {
      if (n > 0)
        await sleep(options.retryDelaysMs[n - 1], undefined, { signal: stopped.signal }).catch(() => undefined);
      if (stopped.signal.aborted) return;
      reason = await attempt(event, sub, n + 1, first, reason);
      if (reason === "") return;
    }
  }

  function track(delivery: Promise<void>): Promise<void> {
    running.add(delivery);
    void delivery.finally(() => running.delete(delivery));
    return delivery;
  }

  return {
    deliveries,
    /** Queues the event; it leaves once the current request or control call has returned. */
    send: (event: SquareEvent) => void track(nextTick().then(() => deliver(event))),
    redeliver: (event: SquareEvent) => track(deliver(event)),
    /** Resolves when no delivery (retries included) is under way. */
    async settled(): Promise<void> {
      while (running.size) await Promise.allSettled([...running]);
    },
    close: () => stopped.abort(),
  };
}
