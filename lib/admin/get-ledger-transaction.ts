import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { describeOwners, type AccountOwner } from "./account-owners";

const linked = { select: { id: true, type: true, reason: true, createdAt: true, actorId: true } } as const;

/** Admin-only: one ledger transaction with its entries, their owners, and its reversal links. */
export async function getLedgerTransaction(viewer: Actor, id: string) {
  assertCan(viewer, "admin:view");
  const tx = await db().ledgerTransaction.findUnique({
    where: { id },
    select: {
      id: true,
      type: true,
      reason: true,
      actorId: true,
      metadata: true,
      createdAt: true,
      entries: {
        orderBy: { id: "asc" },
        select: {
          id: true,
          amount: true,
          account: { select: { ownerType: true, ownerId: true, kind: true, currency: true } },
        },
      },
      reverses: linked,
      reversedBy: linked,
    },
  });
  if (!tx) return null;
  const actorIds = [tx.actorId, tx.reverses?.actorId, tx.reversedBy?.actorId].filter((a): a is string => !!a);
  const [actors, owners] = await Promise.all([
    db().user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true, email: true, phone: true } }),
    describeOwners(tx.entries.map((e) => e.account)),
  ]);
  const actor = (actorId: string | null) => {
    const a = actors.find((u) => u.id === actorId);
    return a ? { label: a.name ?? a.email ?? a.phone ?? "Unknown", email: a.email } : null;
  };
  const ownerOf = (ownerType: string, ownerId: string): AccountOwner | undefined =>
    owners.find((o) => o.ownerType === ownerType && o.ownerId === ownerId);
  const link = (t: typeof tx.reverses) =>
    t ? { id: t.id, type: t.type, reason: t.reason, createdAt: t.createdAt, actor: actor(t.actorId) } : null;
  return {
    id: tx.id,
    type: tx.type,
    reason: tx.reason,
    createdAt: tx.createdAt,
    metadata: tx.metadata as Record<string, unknown> | null,
    actor: actor(tx.actorId),
    entries: tx.entries.map((e) => ({
      id: e.id.toString(),
      amount: Number(e.amount),
      ...e.account,
      owner: ownerOf(e.account.ownerType, e.account.ownerId) ?? null,
    })),
    reverses: link(tx.reverses),
    reversedBy: link(tx.reversedBy),
  };
}

export type LedgerTransactionDetail = NonNullable<Awaited<ReturnType<typeof getLedgerTransaction>>>;
