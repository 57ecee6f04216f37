// Connected accounts: creation, onboarding (from the setup page or control.onboard) and restriction.
import { createHash } from "node:crypto";
import { changedAttributes, emitEvent, NO_REQUEST, type RequestInfo, type Sandbox } from "./context";
import { accountInvalid, resourceMissing } from "./errors";
import { newId } from "./ids";
import type { Account, BankAccount } from "./objects";
import { metadataParam, objectParam, optionalString, type Params } from "./params";

/** Stripe's documented US test bank numbers: the first pays out, the second fails with `no_account`. */
export const TEST_ROUTING_NUMBER = "110000000";
export const PAYING_ACCOUNT_NUMBER = "000123456789";
export const FAILING_ACCOUNT_NUMBER = "000111111116";

// What a fresh Express account owes before onboarding (Stripe lists them as past due from the start).
const ONBOARDING_FIELDS = [
  "business_type",
  "external_account",
  "individual.dob.day",
  "individual.first_name",
  "individual.last_name",
  "tos_acceptance.date",
  "tos_acceptance.ip",
];

export type OnboardInput = {
  accountNumber?: string;
  routingNumber?: string;
  legalName?: string;
  /** Whether the bank account takes instant payouts; true unless said otherwise. */
  instant?: boolean;
  /** Requirements left due (e.g. `individual.id_number`): payouts stay disabled until a later onboarding. */
  dueFields?: string[];
};

export type RestrictInput = { disabledReason: string; pastDue?: string[] };

const due = (fields: string[], disabledReason: string | null) => ({
  currently_due: [...fields],
  eventually_due: [...fields],
  past_due: [...fields],
  pending_verification: [],
  disabled_reason: disabledReason,
  current_deadline: null,
  errors: [],
});

export function findAccount(sandbox: Sandbox, id: string, param?: string): Account {
  const account = sandbox.state.accounts[id];
  if (!account) throw resourceMissing("account", id, param);
  return account;
}

/** The account a `Stripe-Account` header names; an unknown one is refused like Stripe does (403). */
export function connectedAccount(sandbox: Sandbox, stripeAccount: string): Account {
  const account = sandbox.state.accounts[stripeAccount];
  if (!account) throw accountInvalid(stripeAccount);
  return account;
}

export function createAccount(sandbox: Sandbox, params: Params): Account {
  const controller = objectParam(params, "controller") ?? {};
  const dashboard = (controller.stripe_dashboard as { type?: string } | undefined)?.type;
  const capabilities = objectParam(params, "capabilities") as { transfers?: { requested?: string } } | undefined;
  const id = newId("acct");
  const account: Account = {
    id,
    object: "account",
    type:
      optionalString(params, "type") ?? (dashboard === "full" ? "standard" : dashboard === "none" ? "none" : "express"),
    controller: { ...controller, is_controller: true, type: "application" },
    business_type: optionalString(params, "business_type") ?? null,
    business_profile: { name: null },
    country: "US",
    default_currency: "usd",
    email: optionalString(params, "email") ?? null,
    metadata: metadataParam(params),
    details_submitted: false,
    charges_enabled: false,
    payouts_enabled: false,
    capabilities: { transfers: capabilities?.transfers?.requested === "true" ? "pending" : "inactive" },
    requirements: due(ONBOARDING_FIELDS, "requirements.past_due"),
    external_accounts: {
      object: "list",
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/accounts/${id}/external_accounts`,
    },
    livemode: false,
    created: sandbox.now(),
  };
  sandbox.state.accounts[id] = account;
  sandbox.state.balances[id] = 0;
  return account;
}

/** What submitting the setup page does: bank details on file and, unless fields are left due, payouts on. */
export function onboardAccount(
  sandbox: Sandbox,
  accountId: string,
  input: OnboardInput = {},
  request: RequestInfo = NO_REQUEST,
): Account {
  const account = findAccount(sandbox, accountId);
  const before = structuredClone(account);
  const { accountNumber = PAYING_ACCOUNT_NUMBER, routingNumber = TEST_ROUTING_NUMBER, dueFields = [] } = input;
  const ready = dueFields.length === 0;
  const bank: BankAccount = {
    id: newId("ba"),
    object: "bank_account",
    account: accountId,
    account_holder_name: input.legalName ?? null,
    bank_name: "STRIPE TEST BANK",
    country: "US",
    currency: "usd",
    default_for_currency: true,
    fingerprint: createHash("sha256").update(`${routingNumber}:${accountNumber}`).digest("base64url").slice(0, 16),
    last4: accountNumber.slice(-4),
    routing_number: routingNumber,
    status: "new",
    available_payout_methods: input.instant === false ? ["standard"] : ["standard", "instant"],
    metadata: {},
  };
  const replaced = account.external_accounts.data;
  Object.assign(account, {
    details_submitted: true,
    business_type: account.business_type ?? "individual",
    business_profile: { name: input.legalName ?? account.business_profile.name },
    payouts_enabled: ready,
    charges_enabled: false,
    capabilities: { transfers: ready ? "active" : "inactive" },
    requirements: due(dueFields, ready ? null : "requirements.past_due"),
    external_accounts: { ...account.external_accounts, data: [bank], total_count: 1 },
  } satisfies Partial<Account>);
  sandbox.state.bankNumbers[bank.id] = accountNumber;
  const on = { account: accountId, request };
  // A new bank account replaces the old one (how account_update fixes an errored bank).
  for (const old of replaced) emitEvent(sandbox, "account.external_account.deleted", old, on);
  emitEvent(sandbox, "account.external_account.created", bank, on);
  emitEvent(sandbox, "account.updated", account, { ...on, previous: changedAttributes(before, account) });
  return account;
}

/** What a Stripe review or a missed deadline does: transfers and payouts stop until requirements are met. */
export function restrictAccount(sandbox: Sandbox, accountId: string, input: RestrictInput): Account {
  const account = findAccount(sandbox, accountId);
  const before = structuredClone(account);
  const pastDue = input.pastDue ?? [];
  const currentlyDue = [...new Set([...account.requirements.currently_due, ...pastDue])];
  Object.assign(account, {
    payouts_enabled: false,
    capabilities: { transfers: "inactive" },
    requirements: {
      ...account.requirements,
      currently_due: currentlyDue,
      eventually_due: [...new Set([...account.requirements.eventually_due, ...currentlyDue])],
      past_due: pastDue,
      disabled_reason: input.disabledReason,
    },
  } satisfies Partial<Account>);
  const previous = changedAttributes(before, account);
  emitEvent(sandbox, "account.updated", account, { account: accountId, previous });
  return account;
}
