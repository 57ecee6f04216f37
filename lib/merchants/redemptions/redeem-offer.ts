import "server-only";
import { z } from "zod";
import { formKey } from "@/lib/validation";
import { auditRefusals } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, notFound } from "@/lib/errors";
import { db, Prisma } from "@/lib/db";
import type { RedemptionCode } from "@/lib/db/generated/client";
import { accounts, createId, ledgerMetrics, postNowWith, type UsageSpend } from "@/lib/ledger";
import { newRedemptionCode } from "./code";
import { readRedeemGate } from "./redeem-gate";

export const HOLD_MINUTES = 15;
const HELD_CODE = {
  id: true,
  code: true,
  offerId: true,
  driverId: true,
  novaAmount: true,
  status: true,
  expiresAt: true,
  holdTxId: true,
  createdAt: true,
} as const;
/** A new (or replayed) hold's code. */
export type HeldCode = Pick<RedemptionCode, keyof typeof HELD_CODE>;
export const redeemInput = z.object({
  offerId: z.string().min(1).max(64),
  idempotencyKey: formKey,
});

/**
 * The driver's Nova moves to held and a one-time code is issued, in one statement with the
 * offer's limits. A repeated submit (same key) returns the same code.
 */
export async function redeemOffer(actor: Actor, input: z.infer<typeof redeemInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  const { enabled, offer, driverWorksThere } = await readRedeemGate(driverId, input.offerId, new Date());
  if (!enabled) throw new AppError("redemptions_disabled", "Redemptions are paused right now.");
  if (!offer) throw notFound("That offer");
  const holdNova = async (): Promise<HeldCode> => {
    const codeId = createId();
    const code = newRedemptionCode();
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + HOLD_MINUTES * 60_000);
    // one statement: the hold with the offer's limits and the audit row, and the code for it
    const hold = await postNowWith<{ id: string }>(
      {
        idempotencyKey: `redeem:${driverId}:${input.idempotencyKey}`,
        type: "REDEMPTION_HOLD",
        reason: `Held for “${offer.title}” at ${offer.merchant.name}`,
        request: { offerId: offer.id, merchantId: offer.merchant.id, driverId },
        actorId: driverId,
        metadata: { offerId: offer.id },
        insufficientMessage: `You need ${offer.novaPrice} Nova for this offer.`,
        lines: [
          { account: accounts.driverNova(driverId), amount: -BigInt(offer.novaPrice) },
          { account: accounts.driverHeldNova(driverId), amount: BigInt(offer.novaPrice) },
        ],
        usage: offerLimits(offer, driverId),
        audit: {
          action: "redemption.held",
          actorId: driverId,
          targetType: "redemption_code",
          targetId: codeId,
          metadata: { offerId: offer.id, nova: offer.novaPrice },
          ...meta,
        },
      },
      Prisma.sql`
        INSERT INTO "RedemptionCode" ("id", "code", "offerId", "driverId", "novaAmount", "expiresAt", "createdAt", "holdTxId")
        SELECT ${codeId}, ${code}, ${offer.id}, ${driverId}, ${offer.novaPrice}, ${expiresAt}, ${createdAt}, posted."transactionId"
        FROM posted WHERE posted."outcome" = 'posted'
        RETURNING "id"`,
    );
    if (hold.replayed)
      return db().redemptionCode.findUniqueOrThrow({ where: { holdTxId: hold.transactionId }, select: HELD_CODE });
    if (!hold.followed) throw new Error(`redemption: the hold ${hold.transactionId} was posted without its code`);
    ledgerMetrics().redemptions.inc({ outcome: "held" });
    const holdTxId = hold.transactionId;
    return {
      id: codeId,
      code,
      offerId: offer.id,
      driverId,
      novaAmount: offer.novaPrice,
      status: "HELD",
      expiresAt,
      holdTxId,
      createdAt,
    };
  };
  const refusal = { action: "redemption.refused", actorId: driverId, targetType: "offer", targetId: offer.id, ...meta };
  return auditRefusals(refusal, async () => {
    // the Nova would move to the driver's own shop
    if (driverWorksThere) throw new AppError("self_dealing", "You cannot redeem an offer at a merchant you work for.");
    return holdNova();
  });
}

/** The offer's caps, spent with the hold: all redemptions of it, then this driver's. */
function offerLimits(
  offer: { id: string; totalLimit: number | null; perDriverLimit: number | null },
  driverId: string,
): UsageSpend[] {
  const limits: UsageSpend[] = [];
  if (offer.totalLimit)
    limits.push({
      key: `offer:${offer.id}:total`,
      amount: 1n,
      cap: BigInt(offer.totalLimit),
      refusal: () => new AppError("offer_sold_out", "This offer has been fully redeemed."),
    });
  const perDriver = offer.perDriverLimit;
  if (perDriver)
    limits.push({
      key: `offer:${offer.id}:driver:${driverId}`,
      amount: 1n,
      cap: BigInt(perDriver),
      refusal: () =>
        new AppError("offer_limit", `You can redeem this offer ${perDriver === 1 ? "once" : `${perDriver} times`}.`),
    });
  return limits;
}
