import "server-only";
import type { Actor } from "@/lib/auth";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { OfferRef } from "./offer-input";
import { isEnded } from "./offer-status";
import { offerSelect, requireOwner } from "./owned-offer";

/** The offer an owner is about to edit, with whether it has ended (then the page says so instead). */
export async function getOfferForEdit(actor: Actor, ref: OfferRef) {
  await requireOwner(actor, ref.merchantId);
  const offer = await db().offer.findFirst({ where: { id: ref.offerId, merchantId: ref.merchantId }, select: offerSelect });
  if (!offer) throw notFound("That offer");
  return { ...offer, ended: isEnded(offer, new Date()) };
}
