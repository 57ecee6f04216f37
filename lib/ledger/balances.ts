import "server-only";
import { assertAccountAccess, type AccountOwnerRef, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { OwnerType } from "@/lib/db/generated/enums";

export type Balances = {
  nova: { available: bigint; held: bigint; pending: bigint };
  usd: { available: bigint; pending: bigint };
};

/** An owner's balances, for the driver themself, a member of the merchant, or an admin. */
export async function getBalances(actor: Actor, owner: AccountOwnerRef): Promise<Balances> {
  await assertAccountAccess(actor, owner);
  return unsafeGetBalances(owner.ownerType, owner.ownerId);
}

/** Unscoped (jobs, tests, ledger internals): an owner's materialised balances (zero for accounts not opened yet). */
export async function unsafeGetBalances(ownerType: OwnerType, ownerId: string): Promise<Balances> {
  const rows = await db().ledgerAccount.findMany({
    where: { ownerType, ownerId },
    select: { kind: true, currency: true, balance: true },
  });
  // an account spread over shards (platform issuance, rewards expense) is the sum of its rows
  const find = (kind: string, currency: string) =>
    rows.filter((r) => r.kind === kind && r.currency === currency).reduce((sum, r) => sum + r.balance, 0n);
  return {
    nova: { available: find("AVAILABLE", "NOVA"), held: find("HELD", "NOVA"), pending: find("PENDING", "NOVA") },
    usd: { available: find("AVAILABLE", "USD"), pending: find("PENDING", "USD") },
  };
}

/** A driver's balances as plain numbers (Nova, and USD in cents), for JSON and the client. */
export type DriverBalancesView = {
  nova: { available: number; held: number; pending: number };
  /** `owedCents` > 0 when a purchase was refunded after its reward was paid out: the debt, shown, not hidden. */
  usd: { available: number; pending: number; owedCents?: number };
};

/** The actor's own driver balances, as plain numbers. */
export async function getDriverBalances(actor: Actor): Promise<DriverBalancesView> {
  const b = await getBalances(actor, { ownerType: "DRIVER", ownerId: actor.userId });
  return {
    nova: { available: Number(b.nova.available), held: Number(b.nova.held), pending: Number(b.nova.pending) },
    usd: {
      available: Number(b.usd.available),
      pending: Number(b.usd.pending),
      owedCents: Math.max(0, -Number(b.usd.available)),
    },
  };
}
