// Payouts: connected balance → the account's bank, settled later as paid or failed.
import { connectedAccount, FAILING_ACCOUNT_NUMBER } from "./accounts";
import { CONNECTED_FUNDS_MESSAGE, credit, debit } from "./balances";
import { changedAttributes, emitEvent, NO_REQUEST, type RequestInfo, type Sandbox } from "./context";
import { invalidRequest, resourceMissing } from "./errors";
import { newId } from "./ids";
import { listPage } from "./list";
import type { Payout } from "./objects";
import { amountParam, currencyParam, metadataParam, oneOf, optionalString, type Params } from "./params";

const DAY_S = 86_400;
// Stripe's words for the failure codes a driver's bank is most likely to cause.
const FAILURE_MESSAGES: Record<string, string> = {
  no_account:
    "The bank account details on file are probably incorrect. No bank account could be located with those details.",
  account_closed: "The bank account has been closed.",
  account_frozen: "The bank account has been frozen.",
  invalid_account_number: "The bank account number appears to be invalid.",
  could_not_process: "The bank could not process this payout.",
};

/** `GET /v1/payouts/:id` answers only on the account that made the payout. */
export function findPayout(sandbox: Sandbox, id: string, stripeAccount: string | undefined): Payout {
  const payout = sandbox.state.payouts[id];
  if (!payout || (stripeAccount !== undefined && payoutAccount(sandbox, payout) !== stripeAccount))
    throw resourceMissing("payout", id);
  return payout;
}

const payoutAccount = (sandbox: Sandbox, payout: Payout) => sandbox.state.payoutAccounts[payout.id];

export function requireConnected(stripeAccount: string | undefined): string {
  if (!stripeAccount)
    throw invalidRequest(
      "The Stripe sandbox pays out from connected accounts only: send the Stripe-Account header (platform payouts are not supported here).",
    );
  return stripeAccount;
}

export function createPayout(
  sandbox: Sandbox,
  stripeAccount: string | undefined,
  params: Params,
  request: RequestInfo,
) {
  const account = connectedAccount(sandbox, requireConnected(stripeAccount));
  const amount = amountParam(params);
  const currency = currencyParam(params);
  const method = oneOf(params, "method", ["standard", "instant"] as const, "standard");
  if (!account.payouts_enabled)
    throw invalidRequest("Payouts are not enabled for this account. Its requirements must be completed first.", {
      code: "payouts_not_allowed",
    });
  const bank = account.external_accounts.data[0];
  const destination = optionalString(params, "destination");
  if (destination !== undefined && destination !== bank?.id)
    throw resourceMissing("external account", destination, "destination");
  if (!bank || bank.status === "errored")
    throw invalidRequest(
      bank
        ? `The bank account ${bank.id} failed a previous payout (status errored); it must be replaced before payouts resume.`
        : "This account has no bank account to pay out to.",
      { code: "payouts_not_allowed" },
    );
  if (method === "instant" && !bank.available_payout_methods.includes("instant"))
    throw invalidRequest("This bank account is not eligible for Instant Payouts.", {
      code: "instant_payouts_unsupported",
      param: "method",
    });
  debit(sandbox, account.id, amount, CONNECTED_FUNDS_MESSAGE);
  const created = sandbox.now();
  const payout: Payout = {
    id: newId("po"),
    object: "payout",
    amount,
    currency,
    method,
    type: "bank_account",
    destination: bank.id,
    status: "pending",
    arrival_date: method === "instant" ? created : created + 2 * DAY_S,
    automatic: false,
    description: optionalString(params, "description") ?? null,
    failure_code: null,
    failure_message: null,
    failure_balance_transaction: null,
    metadata: metadataParam(params),
    reconciliation_status: "not_applicable",
    statement_descriptor: optionalString(params, "statement_descriptor") ?? null,
    created,
    livemode: false,
  };
  sandbox.state.payouts[payout.id] = payout;
  sandbox.state.payoutAccounts[payout.id] = account.id;
  emitEvent(sandbox, "payout.created", payout, { account: account.id, request });
  scheduleSettlement(sandbox, payout);
  return payout;
}

export function listPayouts(sandbox: Sandbox, stripeAccount: string | undefined, params: Params) {
  const account = requireConnected(stripeAccount);
  const status = optionalString(params, "status");
  const mine = Object.values(sandbox.state.payouts).filter(
    (p) => payoutAccount(sandbox, p) === account && (status === undefined || p.status === status),
  );
  return listPage(mine, params, "/v1/payouts", "payout");
}

/** Auto mode: the bank answers after `afterMs` (the failing test number fails, any other pays). */
export function scheduleSettlement(sandbox: Sandbox, payout: Payout) {
  if (sandbox.settle.mode !== "auto") return;
  const timer = setTimeout(() => {
    sandbox.timers.delete(timer);
    if (sandbox.state.payouts[payout.id]?.status !== "pending") return;
    const failing = sandbox.state.bankNumbers[payout.destination] === FAILING_ACCOUNT_NUMBER;
    settlePayout(sandbox, payout.id, failing ? "failed" : "paid");
    sandbox.save();
  }, sandbox.settle.afterMs);
  sandbox.timers.add(timer);
}

export function settlePayout(
  sandbox: Sandbox,
  payoutId: string,
  outcome: "paid" | "failed",
  failureCode = "no_account",
) {
  const payout = findPayout(sandbox, payoutId, undefined);
  // a bank can still send a paid payout back days later (paid → failed); nothing else moves on
  const returnedAfterPaid = payout.status === "paid" && outcome === "failed";
  if (payout.status !== "pending" && payout.status !== "in_transit" && !returnedAfterPaid)
    throw new Error(`Stripe sandbox: payout ${payoutId} is already ${payout.status}.`);
  const accountId = payoutAccount(sandbox, payout);
  const before = structuredClone(payout);
  const on = { account: accountId, request: NO_REQUEST };
  if (outcome === "paid") {
    payout.status = "paid";
    emitEvent(sandbox, "payout.paid", payout, { ...on, previous: changedAttributes(before, payout) });
    return payout;
  }
  // A failed payout's money returns to the connected balance (not the platform's), and the bank is errored.
  credit(sandbox, accountId, payout.amount);
  Object.assign(payout, {
    status: "failed",
    failure_code: failureCode,
    failure_message: FAILURE_MESSAGES[failureCode] ?? `The payout failed (${failureCode}).`,
    failure_balance_transaction: newId("txn"),
  } satisfies Partial<Payout>);
  emitEvent(sandbox, "payout.failed", payout, { ...on, previous: changedAttributes(before, payout) });
  const bank = sandbox.state.accounts[accountId]?.external_accounts.data.find((b) => b.id === payout.destination);
  if (bank && bank.status !== "errored") {
    bank.status = "errored";
    emitEvent(sandbox, "account.external_account.updated", bank, { ...on, previous: { status: "new" } });
  }
  return payout;
}
