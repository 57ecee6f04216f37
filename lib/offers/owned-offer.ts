import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import type { Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { isEnded } from "./offer-status";

export const offerSelect = {
  id: true,
  merchantId: true,
  title: true,
  description: true,
  novaPrice: true,
  startsAt: true,
  endsAt: true,
  totalLimit: true,
  perDriverLimit: true,
  active: true,
  unlockOnly: true,
} as const;

/** Only the merchant's owners manage its offers: outsiders are told it does not exist, staff are refused. */
export const requireOwner = (actor: Actor, merchantId: string) =>
  requireMembership(actor, merchantId, "merchant:operate", "OWNER");

/** The offer, scoped to its merchant and locked for this change; an ended one is refused. */
export async function lockOpenOffer(tx: Tx, merchantId: string, offerId: string, refusal: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Offer" WHERE "id" = ${offerId} AND "merchantId" = ${merchantId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("That offer");
  const offer = await tx.offer.findUniqueOrThrow({ where: { id: offerId }, select: offerSelect });
  if (isEnded(offer, new Date())) throw new AppError("offer_ended", refusal);
  return offer;
}

/** The before/after of each field that changed, for the audit row. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    const was = before[field];
    const same = was instanceof Date && value instanceof Date ? was.getTime() === value.getTime() : was === value;
    if (!same) changes[field] = { before: was ?? null, after: value ?? null };
  }
  return changes;
}
