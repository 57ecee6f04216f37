import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isEnabled } from "@/lib/flags";
import { enqueueInTx, jobsReady } from "@/lib/jobs";
import { assertNotHeld, createId, runMoneyTx, spendUsage, unsafeGetBalances } from "@/lib/ledger";
import { evaluateDriverRiskQuietly } from "@/lib/risk";
import { formKey, wholeNumber } from "@/lib/validation";
import { readyAccountFor } from "./connected-account";
import { payoutMetrics } from "./metrics";
import { debitForPayout } from "./money";
import {
  amountRefusal,
  businessDay,
  capRefusal,
  dailyUsageKey,
  instantFeeCents,
  payoutLimits,
  usedToday,
} from "./policy";
import { notePayout } from "./state";
import { formatUsd } from "./words";

export const cashOutInput = z.object({
  // the form takes dollars and sends cents: every refusal names dollars
  amountCents: wholeNumber({
    min: 1,
    max: 100_000_000,
    message: "Enter an amount in dollars and cents, such as 12.50.",
    tooSmall: "Enter at least $0.01.",
    tooBig: "Enter at most $1,000,000.00.",
  }),
  method: z.enum(["STANDARD", "INSTANT"], { error: "Choose standard or instant." }),
  idempotencyKey: formKey,
});
export type CashOutInput = z.infer<typeof cashOutInput>;

/**
 * Debits the driver's available USD into payouts clearing, counts it against today's cap and
 * queues the submission — one transaction, so the money, the cap and the job commit together or
 * not at all. Stripe is called by the job, never here. The same key returns the same payout.
 */
export async function requestCashOut(actor: Actor, input: CashOutInput, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const userId = actor.userId;
  const refusal = { action: "payout.refused", actorId: userId, targetType: "user", targetId: userId, ...meta };
  return auditRefusals(refusal, async () => {
    // a request sent again gets its first answer, whatever changed since (the switch, the balance)
    const sent = await db().payout.findUnique({
      where: { userId_requestKey: { userId, requestKey: input.idempotencyKey } },
      select: { id: true },
    });
    if (sent) return replayed(db(), userId, input);
    if (!(await isEnabled("PAYOUTS_ENABLED"))) throw new AppError("payouts_disabled", "Cash-out is paused right now.");
    const limits = payoutLimits();
    const tooSmallOrLarge = amountRefusal(input.amountCents, limits);
    if (tooSmallOrLarge) throw new AppError("payout_limit", tooSmallOrLarge);
    const account = await readyAccountFor(userId);
    if (input.method === "INSTANT" && !account.instant)
      throw new AppError("instant_unavailable", "Instant cash-out is not available for your bank. Choose standard.");
    const feeCents = input.method === "INSTANT" ? instantFeeCents(input.amountCents, limits.instantFeeBps) : 0;
    const day = businessDay();
    const available = (await unsafeGetBalances("DRIVER", userId)).usd.available;
    // the rules run before the money moves, so a flag they raise refuses this very cash-out below
    await evaluateDriverRiskQuietly(userId, { cashOut: { at: new Date(), cents: input.amountCents } });
    await jobsReady();
    return runMoneyTx(async (tx) => {
      const id = createId();
      const debitTxId = createId();
      const inserted = await tx.payout.createMany({
        data: [
          {
            id,
            userId,
            requestKey: input.idempotencyKey,
            amountCents: input.amountCents,
            feeCents,
            method: input.method,
            stripeAccountId: account.stripeAccountId,
            debitTxId,
            usageKey: dailyUsageKey(userId, day),
          },
        ],
        skipDuplicates: true,
      });
      if (inserted.count === 0) return replayed(tx, userId, input);
      await assertNotHeld(tx, userId);
      const payout = { id, userId, amountCents: input.amountCents, feeCents };
      const capped = await spendUsage(
        tx,
        dailyUsageKey(userId, day),
        BigInt(input.amountCents),
        BigInt(limits.dailyCapCents),
      );
      if (!capped)
        throw new AppError("payout_limit", capRefusal(await usedToday(tx, userId, day), limits.dailyCapCents));
      await debitForPayout(tx, payout, debitTxId, `You have ${formatUsd(Number(available))} available to cash out.`);
      await notePayout(tx, id, {
        kind: "requested",
        toState: "REQUESTED",
        actorId: userId,
        detail: { amountCents: input.amountCents, feeCents, method: input.method },
      });
      await recordAudit(
        {
          action: "payout.requested",
          actorId: userId,
          targetType: "payout",
          targetId: id,
          metadata: { amountCents: input.amountCents, feeCents, method: input.method },
          ...meta,
        },
        tx,
      );
      await enqueueInTx(tx, "submit-payout", { payoutId: id }, { singletonKey: id });
      payoutMetrics().requestedCents.inc({ method: input.method }, input.amountCents);
      return { id, replayed: false };
    });
  }, ["account_on_hold"]);
}

async function replayed(tx: Pick<Tx, "payout">, userId: string, input: CashOutInput) {
  const first = await tx.payout.findUniqueOrThrow({
    where: { userId_requestKey: { userId, requestKey: input.idempotencyKey } },
    select: { id: true, amountCents: true, method: true },
  });
  if (first.amountCents !== input.amountCents || first.method !== input.method)
    throw new AppError(
      "idempotency_conflict",
      "This cash-out was already sent with other details. Reload the page and try again.",
    );
  return { id: first.id, replayed: true };
}
