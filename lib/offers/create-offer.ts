import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Actor, RequestMeta } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateOfferInput } from "./offer-input";
import { offerSelect, requireOwner } from "./owned-offer";

/** An owner creates an offer; drivers see it from its start while the merchant is active. */
export async function createOffer(actor: Actor, input: CreateOfferInput, meta: RequestMeta) {
  const { merchantId, ...fields } = input;
  await requireOwner(actor, merchantId);
  if (fields.endsAt && fields.endsAt <= new Date())
    throw new AppError("invalid_input", "The end must be in the future.");
  return db().$transaction(async (tx) => {
    const offer = await tx.offer.create({ data: { merchantId, ...fields, active: true }, select: offerSelect });
    await recordAudit(
      {
        action: "offer.created",
        actorId: actor.userId,
        targetType: "offer",
        targetId: offer.id,
        metadata: { merchantId, after: fields },
        ...meta,
      },
      tx,
    );
    return offer;
  });
}
