import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";

type Status = "PENDING" | "ACTIVE" | "SUSPENDED" | "REJECTED";

/** The only moves an admin can make, each from exactly one status. */
export const MERCHANT_TRANSITIONS = {
  approve: { from: "PENDING", to: "ACTIVE", verb: "approved" },
  reject: { from: "PENDING", to: "REJECTED", verb: "rejected" },
  suspend: { from: "ACTIVE", to: "SUSPENDED", verb: "suspended" },
  reinstate: { from: "SUSPENDED", to: "ACTIVE", verb: "reinstated" },
} as const satisfies Record<string, { from: Status; to: Status; verb: string }>;
export type MerchantTransition = keyof typeof MERCHANT_TRANSITIONS;

export const merchantReason = z
  .string()
  .trim()
  .min(5, "Give a reason of at least a few words: it is kept in the audit log and the owners read it.")
  .max(500, "Keep the reason under 500 characters.");

export const changeMerchantStatusInput = z.object({
  merchantId: z.string().min(1).max(64),
  transition: z.enum(Object.keys(MERCHANT_TRANSITIONS) as [MerchantTransition, ...MerchantTransition[]]),
  reason: merchantReason,
});
export type ChangeMerchantStatusInput = z.infer<typeof changeMerchantStatusInput>;

const STATUS_WORDS: Record<Status, string> = {
  PENDING: "waiting for review",
  ACTIVE: "active",
  SUSPENDED: "suspended",
  REJECTED: "rejected",
};

/**
 * An admin moves a merchant along one allowed transition, with a reason. One conditional update
 * on the current status decides: two admins at once (or one twice) leave exactly one change, and
 * anything else is refused with the status it is actually in. The effect is immediate: only
 * ACTIVE merchants appear on the map and offers list, and redemptions, spends and purchase
 * rewards check the status in their own transaction.
 */
export async function changeMerchantStatus(actor: Actor, input: ChangeMerchantStatusInput, meta: RequestMeta) {
  assertCan(actor, "admin:manage-merchants");
  const { from, to, verb } = MERCHANT_TRANSITIONS[input.transition];
  return db().$transaction(async (tx) => {
    const { count } = await tx.merchant.updateMany({
      where: { id: input.merchantId, status: from },
      // owners read statusReason while they are rejected or suspended; going live clears it (the audit log keeps it)
      data: { status: to, statusReason: to === "ACTIVE" ? null : input.reason },
    });
    const merchant = await tx.merchant.findUnique({
      where: { id: input.merchantId },
      select: { id: true, name: true, status: true },
    });
    if (!merchant) throw notFound("That merchant");
    if (count === 0) {
      const refusal =
        from === "PENDING"
          ? new AppError(
              "merchant_not_pending",
              `${merchant.name} is not waiting for review (it is ${STATUS_WORDS[merchant.status]}), so nothing was changed.`,
            )
          : new AppError(
              "merchant_transition",
              `${merchant.name} cannot be ${verb}: it is ${STATUS_WORDS[merchant.status]}, and only a ${STATUS_WORDS[from]} merchant can be. Nothing was changed.`,
            );
      throw refusal;
    }
    await recordAudit(
      {
        action: `merchant.${input.transition}`,
        actorId: actor.userId,
        targetType: "merchant",
        targetId: merchant.id,
        metadata: { reason: input.reason, from, to },
        ...meta,
      },
      tx,
    );
    return merchant;
  });
}
