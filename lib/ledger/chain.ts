import { createHash } from "node:crypto";

// The hash chain in JS, for checking a statement without trusting the database's own function.
// Must match ledger_entry_hash in prisma/migrations/20261201090000_ledger_hash_chain (a test
// compares them on every entry it posts).

/** The previous hash of an account's first entry (and an account's head before any entry). */
export const GENESIS_HASH = "0".repeat(64);

export type ChainFields = {
  seq: number;
  prevHash: string;
  entryId: string;
  accountId: string;
  transactionId: string;
  amount: bigint;
  currency: string;
  type: string;
  createdAt: Date;
};

/** `v1|seq|prevHash|entry id|account id|transaction id|amount|currency|type|createdAt (ISO, ms, Z)`. */
export function canonicalEntry(f: ChainFields): string {
  return [
    "v1",
    f.seq,
    f.prevHash,
    f.entryId,
    f.accountId,
    f.transactionId,
    f.amount.toString(),
    f.currency,
    f.type,
    f.createdAt.toISOString(),
  ].join("|");
}

export function entryHash(f: ChainFields): string {
  return createHash("sha256").update(canonicalEntry(f), "utf8").digest("hex");
}
