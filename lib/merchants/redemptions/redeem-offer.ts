import "server-only";
import { z } from "zod";
import { formKey } from "@/lib/validation";
import { auditRefusals } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, notFound } from "@/lib/errors";
import { db, Prisma } from "@/lib/db";
import type { RedemptionCode } from "@/lib/db/generated/client";
import { flagRefusal, postingSwitch } from "@/lib/flags";
import { accounts, createId, GuardFailed, ledgerMetrics, postNowWith, type UsageSpend } from "@/lib/ledger";
import { newRedemptionCode } from "./code";
import { forgetOffer, rememberedOffer, rememberOffer, stillRedeemable } from "./offer-memory";
import { readRedeemGate, type RedeemableOffer } from "./redeem-gate";

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
 * offer's limits. A repeated submit (same key) returns the same code. An offer this process
 * redeemed lately is posted straight away, guarded by "the database still holds it as remembered"
 * (two statements: the session, the hold); otherwise, or when the guard fails, the offer is read
 * first and every refusal comes from that reading.
 */
export async function redeemOffer(actor: Actor, input: z.infer<typeof redeemInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  const now = new Date();
  const refusal = {
    action: "redemption.refused",
    actorId: driverId,
    targetType: "offer",
    targetId: input.offerId,
    ...meta,
  };
  const remembered = rememberedOffer(input.offerId);
  if (remembered) {
    try {
      return await auditRefusals(refusal, () =>
        holdNova(remembered, driverId, input.idempotencyKey, meta, stillRedeemable(remembered, driverId, now)),
      );
    } catch (err) {
      if (!(err instanceof GuardFailed)) throw err;
      forgetOffer(input.offerId);
    }
  }
  const { enabled, offer, driverWorksThere } = await readRedeemGate(driverId, input.offerId, now);
  if (!enabled) throw flagRefusal("REDEMPTIONS_ENABLED");
  if (!offer) throw notFound("That offer");
  return auditRefusals(refusal, async () => {
    // the Nova would move to the driver's own shop
    if (driverWorksThere) throw new AppError("self_dealing", "You cannot redeem an offer at a merchant you work for.");
    const held = await holdNova(offer, driverId, input.idempotencyKey, meta);
    rememberOffer(offer);
    return held;
  });
}

/** The hold and its code in one statement; with `guard`, also the switch and the guard, read first. */
async function holdNova(
  offer: RedeemableOffer,
  driverId: string,
  idempotencyKey: string,
  meta: RequestMeta,
  guard?: Prisma.Sql,
): Promise<HeldCode> {
  const codeId = createId();
  const code = newRedemptionCode();
  const createdAt = new Date();
  const expiresAt = new Date(createdAt.getTime() + HOLD_MINUTES * 60_000);
  // one statement: the hold with the offer's limits and the audit row, and the code for it
  const hold = await postNowWith<{ id: string }>(
    {
      idempotencyKey: `redeem:${driverId}:${idempotencyKey}`,
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
      ...(guard ? { guard, killSwitch: postingSwitch("REDEMPTIONS_ENABLED") } : {}),
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
  return {
    id: codeId,
    code,
    offerId: offer.id,
    driverId,
    novaAmount: offer.novaPrice,
    status: "HELD",
    expiresAt,
    holdTxId: hold.transactionId,
    createdAt,
  };
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
