import "server-only";
import { assertAccountAccess, type AccountOwnerRef, type Actor } from "@/lib/auth";
import { db } from "@/lib/db";
import type { OwnerType } from "@/lib/db/generated/enums";
import { entryState, type EntryState } from "./transaction-types";

export type { EntryState };
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
  }));
}

const csvCell = (v: string) =>
  /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : v;

/** CSV a spreadsheet opens safely (cells that could be formulas are neutralised). */
export function statementCsv(lines: StatementLine[]): string {
  const header = "date,transaction,type,currency,account,amount,state,reason";
  const rows = lines.map((l) =>
    [l.createdAt.toISOString(), l.transactionId, l.type, l.currency, l.account, l.amount.toString(), l.state, l.reason]
      .map(csvCell)
      .join(","),
  );
  return [header, ...rows].join("\n") + "\n";
}
