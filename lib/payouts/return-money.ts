import "server-only";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { createId, refundUsage, runMoneyTx } from "@/lib/ledger";
import { outcomeOf, stripeClient, timedCall } from "@/lib/integrations/stripe";
import { logger } from "@/lib/observability";
import { returnPayoutMoney, unsettlePayoutMoney } from "./money";
import { movePayout, notePayout, type TimelineNote } from "./state";
import { failureInWords } from "./words";
import type { PayoutState } from "@/lib/db/generated/enums";

/** The mark a payout carries when Stripe refused to reverse its transfer (only then may an admin write it off). */
export const REVERSAL_REFUSED = "reversal_refused";

type Failure = {
  code: string;
  kind: string;
  detail?: Record<string, unknown>;
  actorId?: string | null;
  /** The Stripe event that told us, for the timeline. */
  stripeEventId?: string | null;
};

/**
 * A definite failure. Money still on the platform (no transfer made) goes back to the driver in
 * this same transaction; money already in the connected account (transfer landed, payout refused
 * or sent back by the bank) is pulled back first by reversing the transfer (a queued job), and
 * only then returned — so it is never both returned and paid. Needs jobsReady() before the tx.
 */
export async function failAndReturnInTx(
  tx: Tx,
  payoutId: string,
  from: readonly PayoutState[],
  failure: Failure,
): Promise<PayoutState | null> {
  const left = await movePayout(
    tx,
    payoutId,
    from,
    "FAILED",
    { failureCode: failure.code, failureReason: failureInWords(failure.code) },
    {
      kind: failure.kind,
      detail: { code: failure.code, ...failure.detail },
      actorId: failure.actorId,
      stripeEventId: failure.stripeEventId,
    },
  );
  if (!left) return null;
  const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId } });
  // a paid payout the bank sent back: its settlement is undone, the money is in clearing again
  if (left === "PAID" && payout.settleTxId) await unsettlePayoutMoney(tx, payout, payout.settleTxId);
  await enqueueInTx(tx, "payout-notice", { payoutId, kind: "failed" }, { singletonKey: `notice:failed:${payoutId}` });
  // the return is the same decision as the failure: an admin's cancel is theirs in the audit log and the ledger
  if (!payout.stripeTransferId)
    await returnInTx(tx, payoutId, failureInWords(failure.code), { kind: "returned", actorId: failure.actorId });
  else await enqueueInTx(tx, "reverse-payout", { payoutId }, { singletonKey: `reverse:${payoutId}` });
  return left;
}

/** FAILED → RETURNED: the whole amount (fee too) back to available USD, and today's cap freed. */
export async function returnInTx(tx: Tx, payoutId: string, reason: string, note: TimelineNote): Promise<boolean> {
  const returnTxId = createId();
  const left = await movePayout(
    tx,
    payoutId,
    ["FAILED"],
    "RETURNED",
    { returnedAt: new Date(), lastError: null },
    note,
    {
      returnTxId,
    },
  );
  if (!left) return false;
  const payout = await tx.payout.findUniqueOrThrow({ where: { id: payoutId } });
  const posted = await returnPayoutMoney(tx, { ...payout }, reason, note.actorId ?? null, returnTxId);
  await refundUsage(tx, payout.usageKey, BigInt(payout.amountCents));
  await enqueueInTx(
    tx,
    "payout-notice",
    { payoutId, kind: "returned" },
    { singletonKey: `notice:returned:${payoutId}` },
  );
  return !posted.replayed;
}

/**
 * The job after a failure that left the money in the connected account: reverse the transfer
 * (key `payout/<id>/reversal`), then return the money. A refused reversal (the connected balance
 * no longer covers it) leaves the payout FAILED for an admin; an unknown outcome retries.
 */
export async function unsafeReverseFailedPayout(payoutId: string): Promise<string> {
  const payout = await db().payout.findUnique({ where: { id: payoutId } });
  if (!payout || payout.state !== "FAILED" || !payout.stripeTransferId) return "nothing to reverse";
  const transferId = payout.stripeTransferId;
  let reversalId: string;
  try {
    const reversal = await timedCall("transfers.createReversal", () =>
      stripeClient().transfers.createReversal(
        transferId,
        { amount: payout.amountCents - payout.feeCents, metadata: { payout_id: payout.id } },
        { idempotencyKey: `payout/${payout.id}/reversal` },
      ),
    );
    reversalId = reversal.id;
  } catch (err) {
    const outcome = outcomeOf(err);
    const detail = { code: outcome.code, message: outcome.message };
    await runMoneyTx(async (tx) => {
      // "refused" waits for an admin (Return money); "unknown" is retried by the queue and the sweep
      const mark = `${outcome.kind === "rejected" ? REVERSAL_REFUSED : "reversal_unknown"}: ${outcome.code}`;
      await tx.payout.update({ where: { id: payoutId }, data: { lastError: mark } });
      await notePayout(tx, payoutId, { kind: `reversal_${outcome.kind}`, detail });
    });
    if (outcome.kind === "unknown") throw new Error(`reversal outcome unknown (${outcome.code})`);
    logger.error({ payoutId, ...detail }, "transfer reversal refused: the payout needs an admin (Return money)");
    return "needs attention";
  }
  await jobsReady();
  const returned = await runMoneyTx((tx) =>
    returnInTx(tx, payoutId, failureInWords(payout.failureCode), { kind: "returned", detail: { reversalId } }),
  );
  return returned ? "returned" : "already returned";
}
