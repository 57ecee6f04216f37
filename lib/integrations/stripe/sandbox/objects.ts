// The Stripe objects the sandbox serves, shaped like API version 2026-10-28.endive (only the fields
// Nerava reads, plus the ones every object carries).

export type Currency = "usd";
export type CapabilityStatus = "active" | "pending" | "inactive";

export type Requirements = {
  currently_due: string[];
  eventually_due: string[];
  past_due: string[];
  pending_verification: string[];
  disabled_reason: string | null;
  current_deadline: number | null;
  errors: unknown[];
};

export type BankAccount = {
  id: string;
  object: "bank_account";
  account: string;
  account_holder_name: string | null;
  bank_name: string;
  country: "US";
  currency: Currency;
  default_for_currency: boolean;
  fingerprint: string;
  last4: string;
  routing_number: string;
  status: "new" | "errored";
  available_payout_methods: Array<"standard" | "instant">;
  metadata: Record<string, string>;
};

export type Account = {
  id: string;
  object: "account";
  type: string;
  controller: Record<string, unknown>;
  business_type: string | null;
  business_profile: { name: string | null };
  country: "US";
  default_currency: Currency;
  email: string | null;
  metadata: Record<string, string>;
  details_submitted: boolean;
  charges_enabled: boolean;
  payouts_enabled: boolean;
  capabilities: { transfers: CapabilityStatus };
  requirements: Requirements;
  external_accounts: { object: "list"; data: BankAccount[]; has_more: false; total_count: number; url: string };
  livemode: false;
  created: number;
};

export type TransferReversal = {
  id: string;
  object: "transfer_reversal";
  amount: number;
  currency: Currency;
  transfer: string;
  metadata: Record<string, string>;
  created: number;
};

export type Transfer = {
  id: string;
  object: "transfer";
  amount: number;
  amount_reversed: number;
  currency: Currency;
  description: string | null;
  destination: string;
  transfer_group: string | null;
  metadata: Record<string, string>;
  reversed: boolean;
  reversals: { object: "list"; data: TransferReversal[]; has_more: false; total_count: number; url: string };
  created: number;
  livemode: false;
};

export type PayoutStatus = "pending" | "in_transit" | "paid" | "failed" | "canceled";
export type Payout = {
  id: string;
  object: "payout";
  amount: number;
  currency: Currency;
  method: "standard" | "instant";
  type: "bank_account";
  destination: string;
  status: PayoutStatus;
  arrival_date: number;
  automatic: false;
  description: string | null;
  failure_code: string | null;
  failure_message: string | null;
  failure_balance_transaction: string | null;
  metadata: Record<string, string>;
  reconciliation_status: "not_applicable";
  statement_descriptor: string | null;
  created: number;
  livemode: false;
};

export type StripeEvent = {
  id: string;
  object: "event";
  api_version: string;
  created: number;
  livemode: false;
  pending_webhooks: number;
  request: { id: string | null; idempotency_key: string | null };
  type: string;
  /** Connected-account events only. */
  account?: string;
  data: { object: unknown; previous_attributes?: Record<string, unknown> };
};

/** An account link as the sandbox keeps it (the API answers only `object, created, expires_at, url`). */
export type AccountLinkRecord = {
  id: string;
  account: string;
  type: "account_onboarding" | "account_update";
  refresh_url: string;
  return_url: string;
  created: number;
  expires_at: number;
  /** The hidden form token: only the page this link rendered can submit it. */
  token: string;
  visited: boolean;
  completed: boolean;
};
