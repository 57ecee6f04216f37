// The sandbox's whole state as one plain JSON value, so a `stateFile` can keep it across dev restarts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
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
  const state = (stateFile && readState(stateFile)) || fresh;
  return {
    state,
    save() {
      if (!stateFile) return;
      // Written whole and renamed into place, so a crash mid-write never leaves half a file.
      mkdirSync(path.dirname(stateFile), { recursive: true });
      const temporary = `${stateFile}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(state));
      renameSync(temporary, stateFile);
    },
  } satisfies Store;
}

function readState(stateFile: string): SandboxState | undefined {
  let text: string;
  try {
    text = readFileSync(stateFile, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  const state = JSON.parse(text) as SandboxState;
  if (state.version !== 1) throw new Error(`Stripe sandbox: ${stateFile} holds an unknown state version.`);
  return state;
}
