// control: what tests and scripts do to the sandbox that no API call does (a bank answering, a
// Stripe review restricting an account, a driver finishing onboarding without a browser).
import { onboardAccount, restrictAccount } from "./accounts";
import { balanceOf } from "./balances";
import type { Sandbox } from "./context";
import { settlePayout } from "./payouts";
import type { RequestLogEntry, StripeSandboxControl } from "./types";

const copy = <T>(value: T): T => structuredClone(value);

export function createControl(sandbox: Sandbox, requests: RequestLogEntry[]): StripeSandboxControl {
  const { state } = sandbox;
  const saving = <T>(result: T): T => (sandbox.save(), copy(result));
  return {
    onboard: (accountId, input) => saving(onboardAccount(sandbox, accountId, input)),
    restrict: (accountId, input) => saving(restrictAccount(sandbox, accountId, input)),
    setPlatformBalance(cents) {
      if (!Number.isSafeInteger(cents) || cents < 0) throw new Error("A balance is a whole number of cents ≥ 0.");
      state.balances.platform = cents;
      sandbox.save();
    },
    balanceOf: (holder) => balanceOf(sandbox, holder),
    settlePayout: (payoutId, outcome, failureCode) => saving(settlePayout(sandbox, payoutId, outcome, failureCode)),
    events: () => copy(state.events),
    deliveries: () => [...sandbox.webhooks.deliveries],
    async redeliver(eventId) {
      const event = state.events.find((e) => e.id === eventId);
      if (!event) throw new Error(`Stripe sandbox: no event ${eventId}.`);
      await sandbox.webhooks.redeliver(event);
    },
    webhooksSettled: () => sandbox.webhooks.settled(),
    requests: () => requests.map((entry) => ({ ...entry })),
    objects: {
      account: (id) => copy(state.accounts[id]),
      accounts: () => copy(Object.values(state.accounts)),
      transfers: () => copy(Object.values(state.transfers)),
      reversals: () => copy(Object.values(state.reversals)),
      payouts: () => copy(Object.values(state.payouts)),
      accountLinks: () => copy(Object.values(state.accountLinks)),
      bankAccountNumber: (id) => state.bankNumbers[id],
    },
  };
}
