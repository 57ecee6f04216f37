import "server-only";
import { assertAccountAccess, type AccountOwnerRef, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { OwnerType } from "@/lib/db/generated/enums";
import { entryState, type EntryState } from "./transaction-types";

export type { EntryState };
export { statementCsv } from "./statement-csv";
/** The entry's place in its account's hash chain (README "Tamper-evident statements"). */
export type StatementChain = { accountId: string; seq: number; prevHash: string; hash: string };
export type StatementLine = {
  entryId: string;
  transactionId: string;
  createdAt: Date;
  currency: "NOVA" | "USD";
  account: string;
  amount: bigint;
  type: string;
  reason: string;
  state: EntryState;
  chain?: StatementChain;
};

/** An owner's statement, for the driver themself, a member of the merchant, or an admin. */
export async function listStatement(actor: Actor, owner: AccountOwnerRef, take = 100): Promise<StatementLine[]> {
  await assertAccountAccess(actor, owner);
  return unsafeListStatement(owner.ownerType, owner.ownerId, take);
}

/** Unscoped (jobs, tests): an owner's entries, newest first, each with its reason and its state (read through the transaction-type registry). */
export async function unsafeListStatement(ownerType: OwnerType, ownerId: string, take = 100): Promise<StatementLine[]> {
  const entries = await db().ledgerEntry.findMany({
    where: { account: { ownerType, ownerId } },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      amount: true,
      createdAt: true,
      accountId: true,
      seq: true,
      prevHash: true,
      hash: true,
      account: { select: { kind: true, currency: true } },
      transaction: {
        select: { id: true, type: true, reason: true, metadata: true, reversedBy: { select: { id: true } } },
      },
    },
  });
  // a hold reads by what became of its code (the codes belong to redemptions: read, never written here)
  const holdIds = [
    ...new Set(entries.filter((e) => e.transaction.type === "REDEMPTION_HOLD").map((e) => e.transaction.id)),
  ];
  const codes = holdIds.length
    ? await db().redemptionCode.findMany({
        where: { holdTxId: { in: holdIds } },
        select: { holdTxId: true, status: true },
      })
    : [];
  const outcome = new Map(codes.map((c) => [c.holdTxId, c.status]));
  return entries.map((e) => ({
    entryId: e.id.toString(),
    transactionId: e.transaction.id,
    createdAt: e.createdAt,
    currency: e.account.currency,
    account: e.account.kind,
    amount: e.amount,
    type: e.transaction.type,
    reason: e.transaction.reason,
    state: entryState({
      type: e.transaction.type,
      kind: e.account.kind,
      amount: e.amount,
      metadata: e.transaction.metadata,
      reversed: e.transaction.reversedBy !== null,
      codeOutcome: outcome.get(e.transaction.id),
    }),
    chain: { accountId: e.accountId, seq: e.seq, prevHash: e.prevHash, hash: e.hash },
  }));
}
