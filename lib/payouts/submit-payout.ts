import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import type { Payout } from "@/lib/db/generated/client";
import { isEnabled } from "@/lib/flags";
import { jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { outcomeOf, stripeClient, timedCall, type CallOutcome } from "@/lib/integrations/stripe";
import { logger } from "@/lib/observability";
import { applyPayoutObject } from "./apply-stripe";
import { failAndReturnInTx } from "./return-money";
import { movePayout, notePayout } from "./state";

const KEY_LIFETIME_MS = 23 * 3600_000; // Stripe's 24 h, with an hour to spare
const netOf = (p: Payout) => p.amountCents - p.feeCents;
export const transferGroupOf = (payoutId: string) => `payout_${payoutId}`;

/** Thrown when Stripe's answer is unknown: the queue retries the job, which resends the same key. */
export class OutcomeUnknown extends Error {}

/**
 * Moves one payout as far as it can go: transfer to the driver's connected account, then the payout
 * to their bank. Each Stripe call carries a key derived from the payout and the step, so a retry
 * after an unknown outcome (timeout, dropped connection, 5xx) is the same request. A definite
 * refusal fails the payout; money comes back to the driver exactly once (lib/payouts/return-money).
 */
export async function unsafeAdvancePayout(payoutId: string): Promise<string> {
  for (let step = 0; step < 4; step++) {
    const payout = await db().payout.findUnique({ where: { id: payoutId } });
    if (!payout) return "missing";
    switch (payout.state) {
      case "REQUESTED":
        // the kill switch holds new money at home; the sweep picks these up when it is back on
        if (!(await isEnabled("PAYOUTS_ENABLED"))) return "paused";
        await runMoneyTx((tx) =>
          movePayout(tx, payout.id, ["REQUESTED"], "TRANSFER_SUBMITTED", {}, { kind: "transfer_submitted" }),
        );
        continue;
      case "TRANSFER_SUBMITTED":
        await sendTransfer(payout);
        continue;
      case "TRANSFERRED":
        await runMoneyTx((tx) =>
          movePayout(
            tx,
            payout.id,
            ["TRANSFERRED"],
            "PAYOUT_SUBMITTED",
            { payoutAttempt: { increment: 1 } },
            { kind: "payout_submitted" },
          ),
        );
        continue;
      case "PAYOUT_SUBMITTED":
        await sendOrReadPayout(payout);
        return "submitted";
      default:
        return payout.state.toLowerCase();
    }
  }
  return "advanced";
}

async function sendTransfer(payout: Payout): Promise<void> {
  const stripe = stripeClient();
  let transfer: Stripe.Transfer;
  try {
    // Stripe keeps a key's answer for 24 hours: within them a retry sends the same key and gets the
    // same transfer; after them, the transfer group tells us whether the first call made one.
    transfer =
      (Date.now() - payout.createdAt.getTime() > KEY_LIFETIME_MS ? await findTransfer(payout.id) : null) ??
      (await timedCall("transfers.create", () =>
        stripe.transfers.create(
          {
            amount: netOf(payout),
            currency: "usd",
            destination: payout.stripeAccountId,
            transfer_group: transferGroupOf(payout.id),
            metadata: { payout_id: payout.id, user_id: payout.userId },
          },
          { idempotencyKey: `payout/${payout.id}/transfer` },
        ),
      ));
  } catch (err) {
    return handleFailedCall(payout, "transfer", outcomeOf(err), ["TRANSFER_SUBMITTED"]);
  }
  await runMoneyTx((tx) =>
    movePayout(
      tx,
      payout.id,
      ["TRANSFER_SUBMITTED"],
      "TRANSFERRED",
      { stripeTransferId: transfer.id, lastError: null },
      { kind: "transferred", detail: { transferId: transfer.id } },
    ),
  );
}

async function findTransfer(payoutId: string): Promise<Stripe.Transfer | null> {
  const list = await timedCall("transfers.list", () =>
    stripeClient().transfers.list({ transfer_group: transferGroupOf(payoutId), limit: 10 }),
  );
  return list.data.find((t) => t.metadata?.payout_id === payoutId) ?? null;
}

async function sendOrReadPayout(payout: Payout): Promise<void> {
  const stripe = stripeClient();
  const on = { stripeAccount: payout.stripeAccountId };
  let object: Stripe.Payout;
  try {
    // as for the transfer: past the key's 24 hours, a lost payout is looked up on the account before resending
    object = payout.stripePayoutId
      ? await timedCall("payouts.retrieve", () => stripe.payouts.retrieve(payout.stripePayoutId!, {}, on))
      : ((Date.now() - payout.createdAt.getTime() > KEY_LIFETIME_MS ? await findPayout(payout) : null) ??
        (await timedCall("payouts.create", () =>
          stripe.payouts.create(
            {
              amount: netOf(payout),
              currency: "usd",
              method: payout.method === "INSTANT" ? "instant" : "standard",
              statement_descriptor: "NERAVA REWARDS",
              metadata: { payout_id: payout.id, user_id: payout.userId },
            },
            { ...on, idempotencyKey: `payout/${payout.id}/payout/${payout.payoutAttempt}` },
          ),
        )));
  } catch (err) {
    return handleFailedCall(payout, "payout", outcomeOf(err), ["PAYOUT_SUBMITTED"]);
  }
  await runMoneyTx((tx) => applyPayoutObject(tx, object, null));
}

/** This payout's Stripe payout on the driver's account, made since the payout was requested. */
async function findPayout(payout: Payout): Promise<Stripe.Payout | null> {
  const created = { gte: Math.floor(payout.createdAt.getTime() / 1000) };
  return timedCall("payouts.list", async () => {
    const list = stripeClient().payouts.list({ created, limit: 100 }, { stripeAccount: payout.stripeAccountId });
    for await (const po of list) if (po.metadata?.payout_id === payout.id) return po;
    return null;
  });
}

/**
 * Unknown: note it, keep the state, and throw so the queue retries with the same key. Rejected:
 * fail the payout; what happens to the money depends on where it is (return-money decides).
 */
async function handleFailedCall(
  payout: Payout,
  step: "transfer" | "payout",
  outcome: CallOutcome,
  from: Payout["state"][],
): Promise<never | void> {
  await jobsReady();
  const detail = { step, code: outcome.code, message: outcome.message, status: outcome.status ?? null };
  if (outcome.kind === "unknown") {
    await runMoneyTx(async (tx) => {
      await tx.payout.update({ where: { id: payout.id }, data: { lastError: `${step}: ${outcome.code}` } });
      await notePayout(tx, payout.id, { kind: `${step}_unknown`, detail });
    });
    logger.warn({ payoutId: payout.id, ...detail }, "payout call outcome unknown; will retry with the same key");
    throw new OutcomeUnknown(`${step} outcome unknown (${outcome.code})`);
  }
  logger.warn({ payoutId: payout.id, ...detail }, "Stripe refused a payout call");
  await runMoneyTx((tx) =>
    failAndReturnInTx(tx, payout.id, from, { code: outcome.code, kind: `${step}_rejected`, detail }),
  );
}
