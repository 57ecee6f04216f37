// What every sandbox operation works on: the state, the clock, event emission and persistence.
import Stripe from "stripe";
import { newId } from "./ids";
import type { StripeEvent } from "./objects";
import type { SandboxState } from "./store";
import type { WebhookSender } from "./webhooks";

/** The API request an operation serves (null for what the sandbox does on its own or a control call). */
export type RequestInfo = { id: string | null; idempotency_key: string | null };
export const NO_REQUEST: RequestInfo = { id: null, idempotency_key: null };

export type SettleMode = { mode: "auto"; afterMs: number } | { mode: "manual" };

export type Sandbox = {
  state: SandboxState;
  /** Unix seconds on the sandbox clock. */
  now(): number;
  /** `http://127.0.0.1:<port>` once listening. */
  baseUrl: string;
  settle: SettleMode;
  /** Settlement timers, cleared on close. */
  timers: Set<NodeJS.Timeout>;
  webhooks: WebhookSender;
  save(): void;
};

const clone = <T>(value: T): T => structuredClone(value);

/** Top-level attributes whose value changed, with their old value (Stripe's `previous_attributes`). */
export function changedAttributes(before: object, after: object): Record<string, unknown> {
  const old = before as Record<string, unknown>;
  const now = after as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(now)
      .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(now[key]))
      .map((key) => [key, clone(old[key])]),
  );
}

export function emitEvent(
  sandbox: Sandbox,
  type: string,
  object: unknown,
  options: { account?: string; previous?: Record<string, unknown>; request?: RequestInfo } = {},
): StripeEvent {
  const event: StripeEvent = {
    id: newId("evt"),
    object: "event",
    api_version: Stripe.API_VERSION,
    created: sandbox.now(),
    livemode: false,
    pending_webhooks: 0,
    request: options.request ?? NO_REQUEST,
    type,
    ...(options.account && { account: options.account }),
    data: { object: clone(object), ...(options.previous && { previous_attributes: options.previous }) },
  };
  event.pending_webhooks = sandbox.webhooks.hasEndpointFor(event) ? 1 : 0;
  sandbox.state.events.push(event);
  sandbox.webhooks.send(event);
  return event;
}
