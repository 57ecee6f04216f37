import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit, type AuditEntry } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { failAndReturnInTx, returnInTx, REVERSAL_REFUSED } from "./return-money";
import { notePayout } from "./state";

export const payoutDecisionInput = z.object({
  payoutId: z.string().min(1).max(64),
  reason: z.string().trim().min(5, "Give a reason of at least 5 characters.").max(500),
});
export type PayoutDecision = z.infer<typeof payoutDecisionInput>;

/** An admin's refused decision is kept in the audit log, after its rolled-back transaction. */
const auditDecision = <T>(refusal: AuditEntry, run: () => Promise<T>) => auditRefusals(refusal, run, ["payout_state"]);

const IN_FLIGHT_STATES = ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED"] as const;
const inFlight = (state: string) => (IN_FLIGHT_STATES as readonly string[]).includes(state);

/** The payout an admin decides on; nobody decides on their own cash-out (separation of duties). */
async function decisionTarget(actor: Actor, payoutId: string) {
  const payout = await db().payout.findUnique({
    where: { id: payoutId },
    select: { state: true, userId: true, stripeTransferId: true, lastError: true },
  });
  if (!payout) throw notFound("That payout");
  if (payout.userId === actor.userId)
    throw new AppError("self_dealing", "You cannot decide on your own cash-out. Ask another admin.");
  return payout;
}

const settled = (state: string) =>
  state === "PAID"
    ? "This payout was paid to the driver's bank; there is nothing to retry or return."
    : "This money is already back in the driver's wallet.";

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
    const payout = await decisionTarget(actor, input.payoutId);
    const reversal = payout.state === "FAILED" && payout.stripeTransferId !== null;
    if (!inFlight(payout.state) && !reversal) throw new AppError("payout_state", settled(payout.state));
    await jobsReady();
    await runMoneyTx(async (tx) => {
      await notePayout(tx, input.payoutId, {
        kind: "admin_retry",
        actorId: actor.userId,
        detail: { reason: input.reason },
      });
      const job = reversal ? "reverse-payout" : "submit-payout";
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
 * Admin: give the money back to the driver, only where no money can still be on its way: before
 * anything was sent (REQUESTED), or after Stripe refused to reverse a failed payout's transfer (the
 * platform then carries the loss, which the reason records). Never while Stripe may still act, and
 * never before the reversal was tried (it brings the money back by itself).
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
    const payout = await decisionTarget(actor, input.payoutId);
    if (payout.state === "PAID" || payout.state === "RETURNED")
      throw new AppError("payout_state", settled(payout.state));
    if (inFlight(payout.state) && payout.state !== "REQUESTED")
      throw new AppError(
        "payout_state",
        "Stripe may still be acting on this payout. Retry the submission to learn the outcome first.",
      );
    if (payout.state === "FAILED" && !payout.lastError?.startsWith(REVERSAL_REFUSED))
      throw new AppError(
        "payout_state",
        "The money is on its way back: Stripe has not refused this transfer's reversal. Retry the reversal; return it here only if Stripe refuses.",
      );
    await jobsReady();
    const detail = { reason: input.reason };
    const done = await runMoneyTx(async (tx) =>
      payout.state === "REQUESTED"
        ? (await failAndReturnInTx(tx, input.payoutId, ["REQUESTED"], {
            code: "admin_cancelled",
            kind: "admin_cancelled",
            actorId: actor.userId,
            detail,
          })) !== null
        : returnInTx(tx, input.payoutId, `Returned by an admin: ${input.reason}`, {
            kind: "admin_return",
            actorId: actor.userId,
            requestId: meta.requestId,
            detail,
          }),
    );
    if (!done)
      throw new AppError("payout_state", "This payout moved on meanwhile. Reload the page to see where it is.");
    return { returned: true };
  });
}
