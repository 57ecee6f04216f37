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
  const create = () =>
    timedCall("transfers.create", () =>
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
    );
  // Stripe keeps a key's answer for 24 hours: within them a retry sends the same key and gets the
  // same transfer; after them, the transfer group tells us whether the first call made one.
  const found = await lookUp(payout, "transfer", keyMayHaveExpired(payout), () => findTransfer(payout.id));
  if (found === undefined) return;
  let transfer = found;
  if (!transfer) {
    try {
      transfer = await create();
    } catch (err) {
      const made = await afterRefusal(payout, "transfer", outcomeOf(err), () => findTransfer(payout.id));
      if (!made) return;
      transfer = made;
    }
  }
  const transferId = transfer.id;
  await runMoneyTx((tx) =>
    movePayout(
      tx,
      payout.id,
      ["TRANSFER_SUBMITTED"],
      "TRANSFERRED",
      { stripeTransferId: transferId, lastError: null },
      { kind: "transferred", detail: { transferId } },
    ),
  );
}

const keyMayHaveExpired = (payout: Payout) => Date.now() - payout.createdAt.getTime() > KEY_LIFETIME_MS;

/**
 * A read that decides whether to send: `null` when there is nothing to find (or no need to look),
 * `undefined` when the read failed — handled as an unknown outcome (a failed read says nothing
 * about the money), so the job retries.
 */
async function lookUp<T>(payout: Payout, step: Step, needed: boolean, read: () => Promise<T | null>) {
  if (!needed) return null;
  try {
    return await read();
  } catch (err) {
    await handleFailedCall(payout, step, { ...outcomeOf(err), kind: "unknown" }, FROM[step]);
    return undefined;
  }
}

/**
 * A refusal that follows an earlier unknown answer may only mean the first call already acted
 * (Stripe replays the first answer, but a history can also end in a refusal): look before failing.
 * Returns what the first call made, or null once the payout was failed or left for a retry.
 */
async function afterRefusal<T>(payout: Payout, step: Step, outcome: CallOutcome, read: () => Promise<T | null>) {
  if (outcome.kind === "rejected" && payout.lastError) {
    const made = await lookUp(payout, step, true, read);
    if (made === undefined) return null;
    if (made) return made;
  }
  await handleFailedCall(payout, step, outcome, FROM[step]);
  return null;
}

type Step = "transfer" | "payout";
const FROM: Record<Step, Payout["state"][]> = { transfer: ["TRANSFER_SUBMITTED"], payout: ["PAYOUT_SUBMITTED"] };

async function findTransfer(payoutId: string): Promise<Stripe.Transfer | null> {
  const list = await timedCall("transfers.list", () =>
    stripeClient().transfers.list({ transfer_group: transferGroupOf(payoutId), limit: 10 }),
  );
  return list.data.find((t) => t.metadata?.payout_id === payoutId) ?? null;
}

async function sendOrReadPayout(payout: Payout): Promise<void> {
  const stripe = stripeClient();
  const on = { stripeAccount: payout.stripeAccountId };
  let object: Stripe.Payout | null | undefined;
  if (payout.stripePayoutId) {
    object = await lookUp(payout, "payout", true, () =>
      timedCall("payouts.retrieve", () => stripe.payouts.retrieve(payout.stripePayoutId!, {}, on)),
    );
  } else {
    // as for the transfer: past the key's 24 hours, a lost payout is looked up on the account before resending
    object = await lookUp(payout, "payout", keyMayHaveExpired(payout), () => findPayout(payout));
    if (object === null) {
      try {
        object = await timedCall("payouts.create", () =>
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
        );
      } catch (err) {
        object = await afterRefusal(payout, "payout", outcomeOf(err), () => findPayout(payout));
      }
    }
  }
  if (!object) return;
  const found = object;
  await runMoneyTx((tx) => applyPayoutObject(tx, found, null));
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
