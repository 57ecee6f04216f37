import "server-only";
import { z } from "zod";
import { formKey } from "@/lib/validation";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/auth";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { AppError, notFound } from "@/lib/errors";
import { accounts, ledgerMetrics, postInTx, runMoneyTx, spendUsage } from "@/lib/ledger";
import { newRedemptionCode } from "./code";
import { readRedeemGate } from "./redeem-gate";

export const HOLD_MINUTES = 15;
export const redeemInput = z.object({
  offerId: z.string().min(1).max(64),
  idempotencyKey: formKey,
});

/**
 * The driver's Nova moves to held and a one-time code is issued, in one transaction with the
 * offer's limits. A repeated submit (same key) returns the same code.
 */
export async function redeemOffer(actor: Actor, input: z.infer<typeof redeemInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  const { enabled, offer, driverWorksThere } = await readRedeemGate(driverId, input.offerId, new Date());
  if (!enabled) throw new AppError("redemptions_disabled", "Redemptions are paused right now.");
  if (!offer) throw notFound("That offer");
  const holdNova = () =>
    runMoneyTx(async (tx) => {
      const hold = await postInTx(tx, {
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
      });
      if (hold.replayed) return tx.redemptionCode.findUniqueOrThrow({ where: { holdTxId: hold.transactionId } });
      if (offer.totalLimit && !(await spendUsage(tx, `offer:${offer.id}:total`, 1n, BigInt(offer.totalLimit)))) {
        throw new AppError("offer_sold_out", "This offer has been fully redeemed.");
      }
      if (
        offer.perDriverLimit &&
        !(await spendUsage(tx, `offer:${offer.id}:driver:${driverId}`, 1n, BigInt(offer.perDriverLimit)))
      ) {
        throw new AppError(
          "offer_limit",
          `You can redeem this offer ${offer.perDriverLimit === 1 ? "once" : `${offer.perDriverLimit} times`}.`,
        );
      }
      const code = await tx.redemptionCode.create({
        data: {
          code: newRedemptionCode(),
          offerId: offer.id,
          driverId,
          novaAmount: offer.novaPrice,
          expiresAt: new Date(Date.now() + HOLD_MINUTES * 60_000),
          holdTxId: hold.transactionId,
        },
      });
      await recordAudit(
        {
          action: "redemption.held",
          actorId: driverId,
          targetType: "redemption_code",
          targetId: code.id,
          metadata: { offerId: offer.id, nova: offer.novaPrice },
          ...meta,
        },
        tx,
      );
      ledgerMetrics().redemptions.inc({ outcome: "held" });
      return code;
    });
  const refusal = { action: "redemption.refused", actorId: driverId, targetType: "offer", targetId: offer.id, ...meta };
  return auditRefusals(refusal, async () => {
    // the Nova would move to the driver's own shop
    if (driverWorksThere) throw new AppError("self_dealing", "You cannot redeem an offer at a merchant you work for.");
    return holdNova();
  });
}
