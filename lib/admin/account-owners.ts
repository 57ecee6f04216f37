import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { OwnerType } from "@/lib/db/generated/enums";

export type AccountOwner = { ownerType: OwnerType; ownerId: string; name: string; detail: string | null };

/** Admin-only: who holds an account, named for people reading the ledger. */
export async function getAccountOwner(
  actor: Actor,
  ownerType: OwnerType,
  ownerId: string,
): Promise<AccountOwner | null> {
  assertCan(actor, "admin:view");
  const [owner] = await describeOwners([{ ownerType, ownerId }]);
  return owner ?? null;
}

/** Names for many account owners in two queries; owners that no longer exist are left out. Callers check admin:view. */
export async function describeOwners(refs: { ownerType: OwnerType; ownerId: string }[]): Promise<AccountOwner[]> {
  const ids = (type: OwnerType) => [...new Set(refs.filter((r) => r.ownerType === type).map((r) => r.ownerId))];
  const [users, merchants] = await Promise.all([
    db().user.findMany({
      where: { id: { in: ids("DRIVER") } },
      select: { id: true, name: true, email: true, phone: true },
    }),
    db().merchant.findMany({ where: { id: { in: ids("MERCHANT") } }, select: { id: true, name: true, address: true } }),
  ]);
  const platform = ids("PLATFORM").map((ownerId) => ({
    ownerType: "PLATFORM" as const,
    ownerId,
    name: "Nerava platform",
    detail: null,
  }));
  return [
    ...users.map((u) => ({
      ownerType: "DRIVER" as const,
      ownerId: u.id,
      name: u.name ?? u.email ?? u.phone ?? "Driver",
      detail: u.email ?? u.phone,
    })),
    ...merchants.map((m) => ({ ownerType: "MERCHANT" as const, ownerId: m.id, name: m.name, detail: m.address })),
    ...platform,
  ];
}
