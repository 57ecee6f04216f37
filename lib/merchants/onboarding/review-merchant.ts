import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor, type RequestMeta } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

export const approveMerchantInput = z.object({ merchantId: z.string().min(1).max(64) });
export const rejectMerchantInput = approveMerchantInput.extend({
  reason: z
    .string()
    .trim()
    .min(5, "Tell the business why, in a sentence they can act on.")
    .max(500, "Keep the reason under 500 characters."),
});

type Decision = { status: "ACTIVE" | "REJECTED"; reason: string | null };

/**
 * An admin's decision on a pending merchant: one conditional update from PENDING, so two admins
 * deciding at once (or one deciding twice) leave exactly one decision; any other state is refused.
 */
async function decide(actor: Actor, merchantId: string, decision: Decision, meta: RequestMeta) {
  assertCan(actor, "admin:manage-merchants");
  const { status, reason } = decision;
  return db().$transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({
      where: { id: merchantId, status: "PENDING" },
      data: { status, statusReason: reason },
    });
    const merchant = await tx.merchant.findUnique({
      where: { id: merchantId },
      select: { id: true, name: true, status: true },
    });
    if (!merchant) throw notFound("That merchant");
    if (count === 0) {
      throw new AppError(
        "merchant_not_pending",
        `${merchant.name} is not waiting for review (it is ${merchant.status.toLowerCase()}), so nothing was changed.`,
      );
    }
    await recordAudit(
      {
        action: status === "ACTIVE" ? "merchant.approve" : "merchant.reject",
        actorId: actor.userId,
        targetType: "merchant",
        targetId: merchantId,
        metadata: reason ? { reason } : undefined,
        ...meta,
      },
      tx,
    );
    return merchant;
  });
}

export const approveMerchant = (actor: Actor, input: z.infer<typeof approveMerchantInput>, meta: RequestMeta) =>
  decide(actor, input.merchantId, { status: "ACTIVE", reason: null }, meta);

export const rejectMerchant = (actor: Actor, input: z.infer<typeof rejectMerchantInput>, meta: RequestMeta) =>
  decide(actor, input.merchantId, { status: "REJECTED", reason: input.reason }, meta);
