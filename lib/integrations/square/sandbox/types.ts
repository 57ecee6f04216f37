import type { SquareErrorBody } from "./errors";
import type { Customer, Location, Merchant, Order, Refund, SquareEvent } from "./objects";
import type { CreateOrderInput, OrderPatch } from "./orders";
import type { WebhookDelivery, WebhookSubscription } from "./webhooks";

export type * from "./objects";
export type { CreateOrderInput, OrderPatch } from "./orders";
export type { SquareErrorBody } from "./errors";
export type { WebhookDelivery, WebhookSubscription } from "./webhooks";

/** What a request can be made to suffer (tests/fakes/square.ts queues these). */
export type Fault =
  /** Answer Square's JSON error without acting (errors default by status: 429 RATE_LIMITED, 5xx INTERNAL_SERVER_ERROR). */
  | { status: number; errors?: SquareErrorBody[] }
  /** Answer an HTML page with this status, as a proxy in front of Square does. */
  | { status: number; html: true }
  /** Close the connection without acting ("before") or after acting ("after"). */
  | { drop: "before" | "after" }
  /** Wait this long before acting and answering. */
  | { delayMs: number };

export type SquareSandboxOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** The app's client_id. */
  applicationId: string;
  /** The app's client_secret (also `Authorization: Client <secret>` on /oauth2/revoke). */
  applicationSecret: string;
  /** Where the consent page sends the seller back when the request names no redirect_uri. */
  redirectUrl?: string;
  /** The app's webhook subscription; no webhooks are sent without it. */
  webhook?: WebhookSubscription;
  /** Loaded at start and rewritten after every change, so a dev restart keeps sellers, tokens and orders. */
  stateFile?: string;
  /** The clock in ms (Date.now unless given): tests shift it to expire tokens. */
  now?: () => number;
  /** Access token lifetime; 30 days unless given. */
  accessTokenTtlMs?: number;
  /** Waits between webhook attempts; one attempt more than there are delays. Default [200, 1000, 3000]. */
  webhookRetryDelaysMs?: number[];
  /** Consulted for each request except the consent page; tests use it to inject faults. */
  intercept?: (request: { method: string; path: string }) => Fault | undefined;
  allowInProduction?: boolean;
};

export type RequestLogEntry = {
  method: string;
  path: string;
  squareVersion: string | null;
  /** The body as JSON (secrets included: this is a sandbox). */
  body: unknown;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  fault?: "error" | "html" | "drop_before" | "drop_after" | "delay";
};

export type TokenInfo = {
  accessToken: string;
  refreshToken: string;
  merchantId: string;
  scopes: string[];
  expiresAt: Date;
  revoked: boolean;
};

export type SquareSandboxControl = {
  /** Does what "Allow" on the consent page does: a code for this seller (a new demo seller when absent). */
  authorize(
    merchantId?: string,
    options?: { scopes?: string[]; businessName?: string },
  ): {
    code: string;
    merchantId: string;
  };
  merchants(): Merchant[];
  locations(merchantId: string): Location[];
  /** A sale at the seller's location; sends order.created (OPEN, v1) and, when COMPLETED, order.updated (v2). */
  createOrder(merchantId: string, input: CreateOrderInput): Order;
  /** Bumps `version` and sends order.updated. */
  updateOrder(orderId: string, patch: OrderPatch): Order;
  /** Refunds the sale (all that is left unless `amountCents`): a return order, refund.created and refund.updated. */
  refundOrder(orderId: string, amountCents?: number): { returnOrder: Order; refund: Refund };
  customer(customerId: string): Customer | undefined;
  /** The seller disconnects the app in their dashboard: tokens revoked, oauth.authorization.revoked sent. */
  revokeAuthorization(merchantId: string): void;
  /** Every event made, oldest first (events go only to sellers with a live grant, except revocations). */
  events(): SquareEvent[];
  /** Every webhook delivery attempt, in order. */
  deliveries(): WebhookDelivery[];
  /** Sends an event again (with its retries); resolves when that delivery is over. */
  redeliver(eventId: string): Promise<void>;
  /** Resolves when no webhook delivery or retry is under way. */
  webhooksSettled(): Promise<void>;
  requests(): RequestLogEntry[];
  tokens(): TokenInfo[];
};

export type SquareSandbox = {
  /** `http://127.0.0.1:<port>`: the SDK's `baseUrl`. */
  url: string;
  port: number;
  close(): Promise<void>;
  control: SquareSandboxControl;
};
