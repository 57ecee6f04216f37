import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit, type AuditEntry } from "@/lib/audit";
import { assertCan, type Actor, type RequestMeta } from "@/lib/auth";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { failAndReturnInTx, returnInTx } from "./return-money";
import { notePayout } from "./state";

export const payoutDecisionInput = z.object({
  payoutId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, "Give a reason of at least 5 characters.").max(500),
});
export type PayoutDecision = z.infer<typeof payoutDecisionInput>;

/** An admin's refused decision is kept in the audit log, after its rolled-back transaction. */
const auditDecision = <T>(refusal: AuditEntry, run: () => Promise<T>) => auditRefusals(refusal, run, ["payout_state"]);

const RETRYABLE = ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED", "FAILED"] as const;

/**
 * Admin: queue the payout's next step again (the same Stripe keys, so nothing is sent twice): the
 * submission while in flight, the transfer reversal while failed. Refused once paid or returned.
 */
export async function retryPayoutSubmission(actor: Actor, input: PayoutDecision, meta: RequestMeta) {
  assertCan(actor, "admin:payouts");
  const refusal = {
    action: "payout.retry_refused",
    actorId: actor.userId,
    targetType: "payout",
    targetId: input.payoutId,
    ...meta,
  };
  return auditDecision(refusal, async () => {
    const payout = await db().payout.findUnique({
      where: { id: input.payoutId },
      select: { state: true, stripeTransferId: true },
    });
    if (!payout) throw notFound("That payout");
    if (
      !(RETRYABLE as readonly string[]).includes(payout.state) ||
      (payout.state === "FAILED" && !payout.stripeTransferId)
    )
      throw new AppError("payout_state", `A payout that is ${payout.state.toLowerCase()} has nothing to retry.`);
    await jobsReady();
    await runMoneyTx(async (tx) => {
      await notePayout(tx, input.payoutId, {
        kind: "admin_retry",
        actorId: actor.userId,
        detail: { reason: input.reason },
      });
      const job = payout.state === "FAILED" ? "reverse-payout" : "submit-payout";
      await enqueueInTx(
        tx,
        job,
        { payoutId: input.payoutId },
        { singletonKey: `admin:${job}:${input.payoutId}:${Date.now()}` },
      );
      await recordAudit(
        {
          action: "payout.retry",
          actorId: actor.userId,
          targetType: "payout",
          targetId: input.payoutId,
          metadata: { reason: input.reason },
          ...meta,
        },
        tx,
      );
    });
    return { queued: true };
  });
}

/**
 * Admin: give the money back to the driver. Only where we know no money is on its way: before
 * anything was sent (REQUESTED) or after a failure (FAILED, e.g. a reversal Stripe refused — the
 * platform then carries the loss, which the reason records). Never while Stripe's outcome is unknown.
 */
export async function returnPayoutByAdmin(actor: Actor, input: PayoutDecision, meta: RequestMeta) {
  assertCan(actor, "admin:payouts");
  const refusal = {
    action: "payout.return_refused",
    actorId: actor.userId,
    targetType: "payout",
    targetId: input.payoutId,
    ...meta,
  };
  return auditDecision(refusal, async () => {
    const payout = await db().payout.findUnique({ where: { id: input.payoutId }, select: { state: true } });
    if (!payout) throw notFound("That payout");
    await jobsReady();
    const note = {
      kind: "admin_return",
      actorId: actor.userId,
      requestId: meta.requestId,
      detail: { reason: input.reason },
    };
    const done = await runMoneyTx(async (tx) => {
      if (payout.state === "REQUESTED")
        return (
          (await failAndReturnInTx(tx, input.payoutId, ["REQUESTED"], {
            code: "admin_cancelled",
            kind: "admin_cancelled",
            actorId: actor.userId,
            detail: { reason: input.reason },
          })) !== null
        );
      return returnInTx(tx, input.payoutId, `Returned by an admin: ${input.reason}`, note);
    });
    if (!done)
      throw new AppError(
        "payout_state",
        "This payout can only be returned before it is sent or after it failed; Stripe may still be acting on it.",
      );
    return { returned: true };
  });
}
