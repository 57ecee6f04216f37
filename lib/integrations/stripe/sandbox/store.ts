// The sandbox's whole state as one plain JSON value, so a `stateFile` can keep it across dev restarts.
import { readStateFile, writeStateFile } from "@/lib/integrations/sandbox-kit";
import type { AccountLinkRecord, Account, Payout, StripeEvent, Transfer, TransferReversal } from "./objects";

/** A completed idempotent request: replayed as it was first answered. */
export type StoredResponse = { fingerprint: string; status: number; body: string; requestId: string };

export type SandboxState = {
  version: 1;
  /** Available balances in cents: "platform" and one per connected account. */
  balances: Record<string, number>;
  accounts: Record<string, Account>;
  /** Full account numbers of external accounts, by `ba_` id (the API shows only last4). */
  bankNumbers: Record<string, string>;
  accountLinks: Record<string, AccountLinkRecord>;
  transfers: Record<string, Transfer>;
  reversals: Record<string, TransferReversal>;
  payouts: Record<string, Payout>;
  /** The connected account each payout was made on. */
  payoutAccounts: Record<string, string>;
  events: StripeEvent[];
  /** Keyed by `<Stripe-Account or "platform"> <Idempotency-Key>`. */
  idempotency: Record<string, StoredResponse>;
};

export type Store = { state: SandboxState; save(): void };

export function createStore({ stateFile, platformBalanceCents }: { stateFile?: string; platformBalanceCents: number }) {
  const fresh: SandboxState = {
    version: 1,
    balances: { platform: platformBalanceCents },
    accounts: {},
    bankNumbers: {},
    accountLinks: {},
    transfers: {},
    reversals: {},
    payouts: {},
    payoutAccounts: {},
    events: [],
    idempotency: {},
  };
  const state = (stateFile && readStateFile<SandboxState>(stateFile, "Stripe")) || fresh;
  return {
    state,
    save() {
      if (stateFile) writeStateFile(stateFile, state);
    },
  } satisfies Store;
}
