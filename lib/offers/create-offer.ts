import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CreateOfferInput } from "./offer-input";
import { offerSelect, requireOwner } from "./owned-offer";

/**
 * An owner creates an offer; drivers see it from its start while the merchant is active. The same
 * form sent again (its `requestKey`: a double click, a resubmit) hits the key's unique constraint
 * and answers with the offer the first one made, never a second offer.
 */
export async function createOffer(actor: Actor, input: CreateOfferInput, meta: RequestMeta) {
  const { merchantId, requestKey, ...fields } = input;
  await requireOwner(actor, merchantId);
  if (fields.endsAt && fields.endsAt <= new Date())
    throw new AppError("invalid_input", "The end must be in the future.");
  const created = db().$transaction(async (tx) => {
    const offer = await tx.offer.create({
      data: { merchantId, ...fields, requestKey, active: true },
      select: offerSelect,
    });
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
  return created.catch(async (err) => {
    if (!requestKey || !(err instanceof Prisma.PrismaClientKnownRequestError) || err.code !== "P2002") throw err;
    // the key is this shop's form's (the owner was checked above); another shop's key is not this request
    const made = await db().offer.findUnique({ where: { requestKey }, select: offerSelect });
    if (made?.merchantId === merchantId) return made;
    throw new AppError(
      "idempotency_conflict",
      "This form was already used for another offer. Reload the page and try again.",
    );
  });
}
