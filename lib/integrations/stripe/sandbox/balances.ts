// Available balances: the platform's and each connected account's, in cents.
import type { Sandbox } from "./context";
import { invalidRequest } from "./errors";

export type BalanceHolder = "platform" | string;

export const balanceOf = (sandbox: Sandbox, holder: BalanceHolder) => sandbox.state.balances[holder] ?? 0;

/** Takes money out, refusing (400 balance_insufficient) when the holder cannot cover it. */
export function debit(sandbox: Sandbox, holder: BalanceHolder, amount: number, message: string) {
  if (balanceOf(sandbox, holder) < amount) throw invalidRequest(message, { code: "balance_insufficient" });
  sandbox.state.balances[holder] = balanceOf(sandbox, holder) - amount;
}

export function credit(sandbox: Sandbox, holder: BalanceHolder, amount: number) {
  sandbox.state.balances[holder] = balanceOf(sandbox, holder) + amount;
}

export function moveMoney(sandbox: Sandbox, from: BalanceHolder, to: BalanceHolder, amount: number, message: string) {
  debit(sandbox, from, amount, message);
  credit(sandbox, to, amount);
}

/** `GET /v1/balance`: what is available now; nothing is ever pending in the sandbox. */
export function balanceBody(sandbox: Sandbox, holder: BalanceHolder) {
  const amount = balanceOf(sandbox, holder);
  return {
    object: "balance",
    available: [{ amount, currency: "usd", source_types: { card: amount } }],
    pending: [{ amount: 0, currency: "usd", source_types: { card: 0 } }],
    instant_available: [{ amount, currency: "usd", source_types: { card: amount } }],
    livemode: false,
  };
}

export const PLATFORM_FUNDS_MESSAGE =
  "You have insufficient available funds in your Stripe account. Try adding funds directly to your available balance by creating Charges using the 4000000000000077 test card. See: https://stripe.com/docs/testing#available-balance";
export const CONNECTED_FUNDS_MESSAGE =
  "You have insufficient funds in your Stripe account for this transfer. Your card balance is too low. You can use the /v1/balance endpoint to view your Stripe balance (for more details, see stripe.com/docs/api#balance).";
