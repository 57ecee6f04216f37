import "server-only";
import { db, type Tx } from "@/lib/db";
import type { MemberRole, OwnerType } from "@/lib/db/generated/enums";
import { forbidden, notFound } from "@/lib/errors";
import type { Actor } from "./actor";
import { can, type Permission } from "./permissions";

/** A role without the permission is refused (403): the one check every domain function starts with. */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) throw forbidden();
}

/**
 * The actor's membership of a merchant, for a merchant permission: a role without it is
 * forbidden; a merchant the actor does not belong to is indistinguishable from a missing one.
 * With `memberRole: "OWNER"`, staff of the merchant are refused (403) with a sentence.
 */
export async function requireMembership(
  actor: Actor,
  merchantId: string,
  permission: Extract<Permission, `merchant:${string}`>,
  memberRole?: "OWNER",
): Promise<{ merchantId: string; role: MemberRole }> {
  assertCan(actor, permission);
  const member = await db().merchantMember.findUnique({
    where: { merchantId_userId: { merchantId, userId: actor.userId } },
    select: { role: true },
  });
  if (!member) throw notFound("That merchant");
  if (memberRole === "OWNER" && member.role !== "OWNER") {
    throw forbidden("Only an owner of this merchant can do this. Ask an owner to do it for you.");
  }
  return { merchantId, role: member.role };
}

/** An owner of the merchant (staff are refused with 403, outsiders see 404): team, offers, Square, money. */
export const requireOwner = (actor: Actor, merchantId: string) =>
  requireMembership(actor, merchantId, "merchant:operate", "OWNER");

/**
 * Whether a person works at a merchant (owner or staff), for separation-of-duties checks. Inside a
 * money transaction pass its client: a query on db() inside the transaction's callback was seen
 * to interleave with the transaction on the wire (PostgreSQL answered 08P01 and dropped it).
 */
export async function isMerchantMember(
  merchantId: string,
  userId: string,
  client: Pick<Tx, "merchantMember"> = db(),
): Promise<boolean> {
  const member = await client.merchantMember.findUnique({
    where: { merchantId_userId: { merchantId, userId } },
    select: { id: true },
  });
  return member !== null;
}

export type AccountOwnerRef = { ownerType: OwnerType; ownerId: string };

/**
 * Who may read an owner's ledger accounts: the driver themself, a member of the merchant, or an
 * admin. Anyone else is told the account does not exist.
 */
export async function assertAccountAccess(actor: Actor, owner: AccountOwnerRef): Promise<void> {
  if (can(actor.role, "admin:view")) return;
  if (owner.ownerType === "MERCHANT") {
    await requireMembership(actor, owner.ownerId, "merchant:view");
    return;
  }
  if (owner.ownerType === "PLATFORM") throw forbidden();
  if (owner.ownerId !== actor.userId) throw notFound("That account");
  assertCan(actor, "driver:use");
}
