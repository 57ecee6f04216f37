// The sandbox's public face: its options, its handle and the control the tests and scripts use.
import type { OnboardInput, RestrictInput } from "./accounts";
import type { SettleMode } from "./context";
import type { StripeErrorBody } from "./errors";
import type { Account, AccountLinkRecord, Payout, StripeEvent, Transfer, TransferReversal } from "./objects";
import type { WebhookDelivery, WebhookEndpoint } from "./webhooks";

export type { OnboardInput, RestrictInput, SettleMode, WebhookDelivery, WebhookEndpoint };

/** What a request can be made to suffer (tests/fakes/stripe.ts queues these). */
export type Fault =
  /** Answer this error without acting (429 defaults to type rate_limit_error). */
  | { status: number; error: Omit<StripeErrorBody, "type"> & { type?: string } }
  /** Close the connection without acting ("before") or after acting and storing the idempotent answer ("after"). */
  | { drop: "before" | "after" }
  /** Wait this long before acting and answering (the idempotency key counts as in flight meanwhile). */
  | { delayMs: number };

export type StripeSandboxOptions = {
  /** 0 or absent: a free port. */
  port?: number;
  /** The only `Authorization: Bearer` the API accepts. */
  secretKey: string;
  /** Receives platform events (transfer.*). */
  platformWebhook?: WebhookEndpoint;
  /** Receives connected-account events (account.*, payout.*), which carry `account`. */
  connectWebhook?: WebhookEndpoint;
  /** auto: payouts settle `afterMs` after creation; manual: only control.settlePayout settles them. */
  settle: SettleMode;
  /** Starting platform balance in cents (10_000_000 unless given); a loaded stateFile wins. */
  platformBalanceCents?: number;
  /** Loaded at start and rewritten after every change, so a dev restart keeps accounts and money. */
  stateFile?: string;
  /** The clock in ms (Date.now unless given): tests shift it to expire account links. */
  now?: () => number;
  /** Waits between webhook attempts; one attempt more than there are delays. Default [200, 1000, 3000]. */
  webhookRetryDelaysMs?: number[];
  /** Consulted for each API request; tests use it to inject faults. */
  intercept?: (request: { method: string; path: string }) => Fault | undefined;
  allowInProduction?: boolean;
};

export type RequestLogEntry = {
  requestId: string;
  method: string;
  path: string;
  stripeAccount: string | null;
  idempotencyKey: string | null;
  /** null when the connection was dropped without an answer. */
  status: number | null;
  replayed: boolean;
  fault?: "error" | "drop_before" | "drop_after" | "delay";
};

export type StripeSandboxControl = {
  /** Does what submitting the setup page does (bank on file, payouts on unless `dueFields`). */
  onboard(accountId: string, input?: OnboardInput): Account;
  restrict(accountId: string, input: RestrictInput): Account;
  setPlatformBalance(cents: number): void;
  /** Available balance in cents. */
  balanceOf(holder: string | "platform"): number;
  settlePayout(payoutId: string, outcome: "paid" | "failed", failureCode?: string): Payout;
  /** Every event made, oldest first. */
  events(): StripeEvent[];
  /** Every webhook delivery attempt, in order. */
  deliveries(): WebhookDelivery[];
  /** Sends an event again (with its retries); resolves when that delivery is over. */
  redeliver(eventId: string): Promise<void>;
  /** Resolves when no webhook delivery or retry is under way. */
  webhooksSettled(): Promise<void>;
  requests(): RequestLogEntry[];
  /** Copies of what the sandbox holds, for assertions. */
  objects: {
    account(id: string): Account | undefined;
    accounts(): Account[];
    transfers(): Transfer[];
    reversals(): TransferReversal[];
    payouts(): Payout[];
    accountLinks(): AccountLinkRecord[];
    /** The full account number behind a `ba_` id (the API shows last4 only). */
    bankAccountNumber(bankAccountId: string): string | undefined;
  };
};

export type StripeSandbox = {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  close(): Promise<void>;
  control: StripeSandboxControl;
};
