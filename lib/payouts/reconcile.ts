import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { stripeClient, timedCall } from "@/lib/integrations/stripe";
import { logger } from "@/lib/observability";
import { payoutMetrics } from "./metrics";
import { businessDay } from "./policy";

type Mismatch = { kind: string; subject: string; payoutId: string | null; detail: string };
const DAY = 86_400_000;

/**
 * Compares Stripe's transfers and payouts of the period with our payouts and the ledger's view of
 * them. Every difference is stored for admins (once per day and subject), counted in a metric and
 * logged as an error. Read-only towards money: fixing is a person's decision.
 */
export async function unsafeReconcilePayouts(
  now = new Date(),
  days = 2,
): Promise<{ checked: number; mismatches: Mismatch[] }> {
  const since = new Date(now.getTime() - days * DAY);
  const created = { gte: Math.floor(since.getTime() / 1000), lt: Math.floor(now.getTime() / 1000) };
  const ours = await db().payout.findMany({ where: { createdAt: { gte: new Date(since.getTime() - DAY) } } });
  const byId = new Map(ours.map((p) => [p.id, p]));
  const found: Mismatch[] = [];
  const seen = new Set<string>();

  for await (const tr of stripeClient().transfers.list({ created, limit: 100 })) {
    const payoutId = tr.metadata?.payout_id;
    if (!payoutId) continue; // not ours to pay out (another product on the same platform)
    const p = byId.get(payoutId);
    seen.add(tr.id);
    if (!p)
      found.push({
        kind: "unknown_transfer",
        subject: tr.id,
        payoutId: null,
        detail: `Stripe transfer ${tr.id} names payout ${payoutId}, which we do not have.`,
      });
    else if (p.stripeTransferId !== tr.id)
      found.push({
        kind: "transfer_id",
        subject: p.id,
        payoutId: p.id,
        detail: `Stripe has transfer ${tr.id}; our payout records ${p.stripeTransferId ?? "none"}.`,
      });
    else if (tr.amount !== p.amountCents - p.feeCents)
      found.push({
        kind: "transfer_amount",
        subject: p.id,
        payoutId: p.id,
        detail: `Transfer ${tr.id} is ${tr.amount} cents; we debited ${p.amountCents - p.feeCents}.`,
      });
    else if (p.state === "RETURNED" && tr.amount_reversed < tr.amount)
      found.push({
        kind: "returned_not_reversed",
        subject: p.id,
        payoutId: p.id,
        detail: `We returned the money, but transfer ${tr.id} is reversed by ${tr.amount_reversed} of ${tr.amount} cents.`,
      });
  }
  // Stripe's `created` is whole seconds and the list ends before this run's second: a transfer made
  // in it is not listed. Its payout row was written after it, so one written since is left to the next run.
  const listedUntil = new Date(created.lt * 1000);
  for (const p of ours) {
    if (
      p.stripeTransferId &&
      !seen.has(p.stripeTransferId) &&
      p.createdAt >= since &&
      p.createdAt < now &&
      p.updatedAt < listedUntil
    )
      found.push({
        kind: "transfer_missing",
        subject: p.id,
        payoutId: p.id,
        detail: `Our payout records transfer ${p.stripeTransferId}; Stripe did not list it.`,
      });
    if (
      ["TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED"].includes(p.state) &&
      p.updatedAt < new Date(now.getTime() - DAY)
    )
      found.push({
        kind: "stuck",
        subject: p.id,
        payoutId: p.id,
        detail: `In ${p.state} since ${p.updatedAt.toISOString()}.`,
      });
  }
  found.push(...(await comparePayouts(ours.filter((p) => p.stripePayoutId))));
  await record(found, businessDay(now));
  return { checked: ours.length, mismatches: found };
}

async function comparePayouts(
  rows: Awaited<ReturnType<ReturnType<typeof db>["payout"]["findMany"]>>,
): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const p of rows) {
    let po: Stripe.Payout;
    try {
      po = await timedCall("payouts.retrieve", () =>
        stripeClient().payouts.retrieve(p.stripePayoutId!, {}, { stripeAccount: p.stripeAccountId }),
      );
    } catch (err) {
      out.push({
        kind: "payout_unreadable",
        subject: p.id,
        payoutId: p.id,
        detail: `Could not read ${p.stripePayoutId}: ${(err as Error).message}`,
      });
      continue;
    }
    const theirs =
      po.status === "paid"
        ? "PAID"
        : po.status === "failed" || po.status === "canceled"
          ? "FAILED"
          : "PAYOUT_SUBMITTED";
    const oursNow = p.state === "RETURNED" ? "FAILED" : p.state;
    if (theirs !== oursNow)
      out.push({
        kind: "payout_status",
        subject: p.id,
        payoutId: p.id,
        detail: `Stripe says ${po.status}; we say ${p.state}.`,
      });
    if (po.amount !== p.amountCents - p.feeCents)
      out.push({
        kind: "payout_amount",
        subject: p.id,
        payoutId: p.id,
        detail: `Stripe paid ${po.amount} cents; we expected ${p.amountCents - p.feeCents}.`,
      });
  }
  return out;
}

async function record(found: Mismatch[], runDay: string) {
  for (const m of found) {
    const stored = await db().payoutMismatch.createMany({ data: [{ runDay, ...m }], skipDuplicates: true });
    if (stored.count > 0) payoutMetrics().mismatches.inc({ kind: m.kind });
    logger.error({ alert: "payout_reconciliation", ...m }, "payout reconciliation mismatch");
  }
  payoutMetrics().openMismatches.set(await db().payoutMismatch.count({ where: { resolvedAt: null } }));
}
