import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UpdateOfferInput } from "./offer-input";
import { changedFields, lockOpenOffer, offerSelect, requireOwner } from "./owned-offer";
import { readRedeemed, syncRedeemedCounters } from "./redeemed";

/**
 * An owner edits an offer that has not ended. Codes already held keep the price they were
 * issued at; a limit cannot go below what has already been redeemed.
 */
export async function updateOffer(actor: Actor, input: UpdateOfferInput, meta: RequestMeta) {
  const { merchantId, offerId, ...fields } = input;
  await requireOwner(actor, merchantId);
  return db().$transaction(async (tx) => {
    const before = await lockOpenOffer(tx, merchantId, offerId, "This offer has ended and can no longer be edited.");
    const changes = changedFields(before, fields);
    if (changes.endsAt && fields.endsAt && fields.endsAt <= new Date())
      throw new AppError("invalid_input", "The end must be in the future. To stop the offer now, end it.");
    if (fields.totalLimit !== null || fields.perDriverLimit !== null) {
      await syncRedeemedCounters(tx, offerId);
      const redeemed = await readRedeemed(tx, offerId);
      if (fields.totalLimit !== null && fields.totalLimit < redeemed.total)
        throw new AppError(
          "limit_below_redeemed",
          `The total limit cannot be lower than the ${redeemed.total} already redeemed.`,
        );
      if (fields.perDriverLimit !== null && fields.perDriverLimit < redeemed.mostByOneDriver)
        throw new AppError(
          "limit_below_redeemed",
          `The per-driver limit cannot be lower than ${redeemed.mostByOneDriver}: one driver has already redeemed it that many times.`,
        );
    }
    if (Object.keys(changes).length === 0) return before;
    const after = await tx.offer.update({ where: { id: offerId }, data: fields, select: offerSelect });
    await recordAudit(
      {
        action: "offer.updated",
        actorId: actor.userId,
        targetType: "offer",
        targetId: offerId,
        metadata: { merchantId, changes },
        ...meta,
      },
      tx,
    );
    return after;
  });
}
