import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { OfferRef } from "./offer-input";
import { changedFields, lockOpenOffer, offerSelect, requireOwner } from "./owned-offer";

type Change = {
  action: string;
  refusal: string;
  to: (now: Date, startsAt: Date) => { active: boolean; startsAt?: Date; endsAt?: Date };
};

const PAUSE: Change = {
  action: "offer.paused",
  refusal: "This offer has ended: there is nothing to pause.",
  to: () => ({ active: false }),
};
const RESUME: Change = {
  action: "offer.resumed",
  refusal: "An ended offer cannot be resumed. Create a new offer instead.",
  to: () => ({ active: true }),
};
const END: Change = {
  action: "offer.ended",
  refusal: "This offer has already ended.",
  // the window must stay ordered: an offer that never started gets a start just before its end
  to: (now, startsAt) =>
    startsAt < now
      ? { active: false, endsAt: now }
      : { active: false, startsAt: new Date(now.getTime() - 1000), endsAt: now },
};

// One locked read-change-audit for the three state changes; a change to the state it is already in does nothing.
async function changeOfferState(actor: Actor, ref: OfferRef, meta: RequestMeta, change: Change) {
  await requireOwner(actor, ref.merchantId);
  return db().$transaction(async (tx) => {
    const before = await lockOpenOffer(tx, ref.merchantId, ref.offerId, change.refusal);
    const next = change.to(new Date(), before.startsAt);
    const changes = changedFields(before, next);
    if (Object.keys(changes).length === 0) return before;
    const after = await tx.offer.update({ where: { id: before.id }, data: next, select: offerSelect });
    await recordAudit(
      {
        action: change.action,
        actorId: actor.userId,
        targetType: "offer",
        targetId: before.id,
        metadata: { merchantId: ref.merchantId, changes },
        ...meta,
      },
      tx,
    );
    return after;
  });
}

/** Drivers stop seeing the offer and cannot redeem it until it is resumed; held codes stay valid. */
export const pauseOffer = (actor: Actor, ref: OfferRef, meta: RequestMeta) => changeOfferState(actor, ref, meta, PAUSE);
export const resumeOffer = (actor: Actor, ref: OfferRef, meta: RequestMeta) =>
  changeOfferState(actor, ref, meta, RESUME);
/** Ends the offer now, for good: it can no longer be resumed or edited. */
export const endOffer = (actor: Actor, ref: OfferRef, meta: RequestMeta) => changeOfferState(actor, ref, meta, END);
