import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, isMerchantMember, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { AppError, notFound } from "@/lib/errors";
import { accounts, IdempotencyConflict, postInTx, runMoneyTx } from "@/lib/ledger";
import { wholeNumber } from "@/lib/validation";

export const topUpInput = z.object({
  merchantId: z.string().min(1).max(64),
  // the form takes dollars and sends cents: every refusal names dollars
  amountCents: wholeNumber({
    min: 100,
    max: 10_000_000,
    message: "Enter an amount in dollars and cents, such as 250.00.",
    tooSmall: "Enter at least $1.00.",
    tooBig: "Enter at most $100,000.00.",
  }),
  reference: z.string().trim().min(3, "Give the payment's reference (the bank transfer or invoice number).").max(100),
});
export type TopUpInput = z.infer<typeof topUpInput>;

/** A reference is one payment: the same one entered again (any spacing or case) records nothing new. */
const referenceKey = (reference: string) => reference.replace(/\s+/g, "").toUpperCase();

/**
 * Admin: records money a merchant sent us (a bank transfer; in the sandbox, pretend money) as their
 * prepaid cash, which funds purchase rewards. Once per (merchant, reference); the same reference
 * with another amount is refused. Nobody records a top-up for a merchant they work at.
 */
export async function recordMerchantTopUp(actor: Actor, input: TopUpInput, meta: RequestMeta) {
  assertCan(actor, "admin:merchant-funding");
  const merchant = await db().merchant.findUnique({
    where: { id: input.merchantId },
    select: { id: true, name: true },
  });
  if (!merchant) throw notFound("That merchant");
  const refusal = {
    action: "merchant.topup_refused",
    actorId: actor.userId,
    targetType: "merchant",
    targetId: merchant.id,
    ...meta,
  };
  return auditRefusals(refusal, async () => {
    if (await isMerchantMember(merchant.id, actor.userId))
      throw new AppError("self_dealing", "You cannot record a top-up for a merchant you work at. Ask another admin.");
    const key = `topup:${merchant.id}:${referenceKey(input.reference)}`;
    await jobsReady();
    return runMoneyTx(async (tx) => {
      const posted = await postInTx(tx, {
        idempotencyKey: key,
        type: "MERCHANT_TOPUP",
        reason: `Top-up received (ref. ${input.reference})`,
        request: { merchantId: merchant.id, amount: input.amountCents },
        actorId: actor.userId,
        metadata: { reference: input.reference },
        lines: [
          { account: accounts.usdIssuance(), amount: -BigInt(input.amountCents) },
          { account: accounts.merchantUsd(merchant.id), amount: BigInt(input.amountCents) },
        ],
      }).catch((err) => {
        if (err instanceof IdempotencyConflict)
          throw new AppError(
            "topup_conflict",
            "This reference was already recorded with another amount. Check the payment.",
          );
        throw err;
      });
      if (posted.replayed) return { ...posted, merchantName: merchant.name };
      // purchase rewards waiting for this merchant's funds are paid once the top-up is committed
      await enqueueInTx(
        tx,
        "fund-waiting-purchases",
        { merchantId: merchant.id },
        { singletonKey: `fund:${merchant.id}` },
      );
      await recordAudit(
        {
          action: "merchant.topup",
          actorId: actor.userId,
          targetType: "merchant",
          targetId: merchant.id,
          metadata: {
            amountCents: input.amountCents,
            reference: input.reference,
            transactionId: posted.transactionId,
          },
          ...meta,
        },
        tx,
      );
      return { ...posted, merchantName: merchant.name };
    });
  });
}
