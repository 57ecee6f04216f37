import "server-only";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { OfferRef } from "./offer-input";
import { isEnded } from "./offer-status";
import { offerSelect, requireOwner } from "./owned-offer";

/** The offer an owner is about to edit, with its held codes and whether it has ended (then the page says so instead). */
export async function getOfferForEdit(actor: Actor, ref: OfferRef) {
  await requireOwner(actor, ref.merchantId);
  const found = await db().offer.findFirst({
    where: { id: ref.offerId, merchantId: ref.merchantId },
    select: { ...offerSelect, _count: { select: { codes: { where: { status: "HELD" } } } } },
  });
  if (!found) throw notFound("That offer");
  const { _count, ...offer } = found;
  return { ...offer, heldCodes: _count.codes, ended: isEnded(offer, new Date()) };
}
