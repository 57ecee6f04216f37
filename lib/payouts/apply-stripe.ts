import "server-only";
import type Stripe from "stripe";
import type { Tx } from "@/lib/db";
import { enqueueInTx } from "@/lib/jobs";
import { createId } from "@/lib/ledger";
import { settlePayoutMoney } from "./money";
import { failAndReturnInTx, returnInTx } from "./return-money";
import { movePayout, notePayout } from "./state";
import { failureInWords } from "./words";

// Stripe's objects (as re-read from Stripe, or as a call returned them) applied to our payout,
// inside the caller's transaction. Only forward transitions apply, so any order of events and
// any number of duplicates reach the same end state. Callers run jobsReady() first.

const findPayout = (tx: Tx, stripeField: "stripePayoutId" | "stripeTransferId", stripeId: string, ours?: string) =>
  tx.payout.findFirst({ where: { OR: [{ [stripeField]: stripeId }, ...(ours ? [{ id: ours }] : [])] } });

export async function applyPayoutObject(tx: Tx, po: Stripe.Payout, stripeEventId: string | null) {
  const payout = await findPayout(tx, "stripePayoutId", po.id, po.metadata?.payout_id);
  if (!payout) return { payout: null };
  // an earlier attempt's payout (the current one has another id) only goes on the timeline
  if (payout.stripePayoutId && payout.stripePayoutId !== po.id) {
    await notePayout(tx, payout.id, { kind: "stripe_payout_other_attempt", stripeEventId, detail: { id: po.id } });
    return { payout: payout.id };
  }
  if (!payout.stripePayoutId || !payout.expectedArrival) {
    await tx.payout.update({
      where: { id: payout.id },
      data: { stripePayoutId: po.id, expectedArrival: new Date(po.arrival_date * 1000), lastError: null },
    });
  }
  if (stripeEventId)
    await notePayout(tx, payout.id, {
      kind: "stripe_event",
      stripeEventId,
      detail: { payout: po.id, status: po.status },
    });
  if (po.status === "paid") {
    const settleTxId = createId();
    const left = await movePayout(
      tx,
      payout.id,
      ["PAYOUT_SUBMITTED"],
      "PAID",
      { paidAt: new Date() },
      { kind: "paid", stripeEventId },
      { settleTxId },
    );
    if (left) {
      await settlePayoutMoney(tx, payout, settleTxId);
      await enqueueInTx(
        tx,
        "payout-notice",
        { payoutId: payout.id, kind: "paid" },
        { singletonKey: `notice:paid:${payout.id}` },
      );
    }
  } else if (po.status === "failed" || po.status === "canceled") {
    const code = po.failure_code ?? (po.status === "canceled" ? "canceled" : "could_not_process");
    await failAndReturnInTx(tx, payout.id, ["PAYOUT_SUBMITTED", "PAID"], {
      code,
      kind: "payout_failed",
      stripeEventId,
      detail: { payout: po.id, message: po.failure_message ?? null, words: failureInWords(code) },
    });
  }
  return { payout: payout.id };
}

export async function applyTransferObject(tx: Tx, tr: Stripe.Transfer, stripeEventId: string | null) {
  const payout = await findPayout(tx, "stripeTransferId", tr.id, tr.metadata?.payout_id);
  if (!payout) return { payout: null };
  if (stripeEventId)
    await notePayout(tx, payout.id, {
      kind: "stripe_event",
      stripeEventId,
      detail: { transfer: tr.id, reversed: tr.amount_reversed },
    });
  const net = payout.amountCents - payout.feeCents;
  // the answer to our transfer call was lost, but Stripe made it: carry on from here
  if (payout.state === "TRANSFER_SUBMITTED" && tr.amount_reversed === 0) {
    const left = await movePayout(
      tx,
      payout.id,
      ["TRANSFER_SUBMITTED"],
      "TRANSFERRED",
      { stripeTransferId: tr.id, lastError: null },
      { kind: "transferred", stripeEventId, detail: { transferId: tr.id } },
    );
    if (left) await enqueueInTx(tx, "submit-payout", { payoutId: payout.id }, { singletonKey: payout.id });
  }
  // the answer to our reversal was lost, but the money is back on the platform: return it
  if (payout.state === "FAILED" && tr.amount_reversed >= net)
    await returnInTx(tx, payout.id, failureInWords(payout.failureCode), { kind: "returned", stripeEventId });
  return { payout: payout.id };
}
