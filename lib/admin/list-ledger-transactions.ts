import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

export type LedgerTransactionRow = {
  id: string;
  type: string;
  reason: string;
  createdAt: Date;
  actor: string | null;
  /** What moved, per currency: the sum of the positive entries (Nova points, USD cents). */
  moved: { nova: number; usdCents: number };
  reversed: boolean;
};

/** Admin-only: the newest ledger transactions, for the ledger overview. */
export async function listLedgerTransactions(actor: Actor, take = 50): Promise<LedgerTransactionRow[]> {
  assertCan(actor, "admin:view");
  const rows = await db().ledgerTransaction.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      type: true,
      reason: true,
      createdAt: true,
      actorId: true,
      reversedBy: { select: { id: true } },
      entries: { where: { amount: { gt: 0 } }, select: { amount: true, account: { select: { currency: true } } } },
    },
  });
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const actors = await db().user.findMany({
    where: { id: { in: actorIds } },
    select: { id: true, email: true, name: true },
  });
  const sum = (entries: (typeof rows)[number]["entries"], currency: string) =>
    Number(entries.filter((e) => e.account.currency === currency).reduce((s, e) => s + e.amount, 0n));
  return rows.map((r) => {
    const actor = actors.find((a) => a.id === r.actorId);
    return {
      id: r.id,
      type: r.type,
      reason: r.reason,
      createdAt: r.createdAt,
      actor: actor ? (actor.email ?? actor.name) : null,
      moved: { nova: sum(r.entries, "NOVA"), usdCents: sum(r.entries, "USD") },
      reversed: r.reversedBy !== null,
    };
  });
}
