import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Prisma, Tx } from "@/lib/db";
import type { PayoutState } from "@/lib/db/generated/enums";
import { payoutMetrics } from "./metrics";

/** Forward only. FAILED comes from any state before PAID (and from PAID: banks return money days later). */
const NEXT: Record<PayoutState, readonly PayoutState[]> = {
  REQUESTED: ["TRANSFER_SUBMITTED", "FAILED"],
  TRANSFER_SUBMITTED: ["TRANSFERRED", "FAILED"],
  TRANSFERRED: ["PAYOUT_SUBMITTED", "FAILED"],
  PAYOUT_SUBMITTED: ["PAID", "FAILED"],
  PAID: ["FAILED"],
  FAILED: ["RETURNED"],
  RETURNED: [],
};

/** States whose money sits in payouts clearing (the ledger check sums them). */
export const IN_FLIGHT: readonly PayoutState[] = [
  "REQUESTED",
  "TRANSFER_SUBMITTED",
  "TRANSFERRED",
  "PAYOUT_SUBMITTED",
  "FAILED",
];

export type TimelineNote = {
  kind: string;
  detail?: Record<string, unknown>;
  actorId?: string | null;
  stripeEventId?: string | null;
  requestId?: string | null;
};

/**
 * Moves a payout from one of `from` to `to` with one conditional update, and writes the timeline
 * entry and the audit line in the same transaction. Returns the state it left, or null (and writes
 * nothing) when the payout is no longer in any of `from`: someone else moved it first.
 */
export async function movePayout(
  tx: Tx,
  payoutId: string,
  from: readonly PayoutState[],
  to: PayoutState,
  data: Prisma.PayoutUpdateInput,
  note: TimelineNote,
  /** Set in the same statement as the state (the database checks PAID has a settlement, RETURNED a return). */
  links: { settleTxId?: string; returnTxId?: string } = {},
): Promise<PayoutState | null> {
  for (const state of from)
    if (!NEXT[state].includes(to)) throw new Error(`payouts: ${state} → ${to} is not a transition`);
  const moved = await tx.$queryRaw<{ old: PayoutState; method: string }[]>`
    UPDATE "Payout" p SET "state" = ${to}::"PayoutState", "updatedAt" = now(),
      "settleTxId" = COALESCE(${links.settleTxId ?? null}, p."settleTxId"),
      "returnTxId" = COALESCE(${links.returnTxId ?? null}, p."returnTxId")
    FROM (SELECT "id", "state" AS old FROM "Payout" WHERE "id" = ${payoutId} FOR UPDATE) o
    WHERE p."id" = o."id" AND o.old::text = ANY(${[...from]}::text[])
    RETURNING o.old, p."method"::text AS method`;
  if (moved.length === 0) return null;
  if (Object.keys(data).length > 0) await tx.payout.update({ where: { id: payoutId }, data });
  await notePayout(tx, payoutId, { ...note, fromState: moved[0].old, toState: to });
  await recordAudit(
    {
      action: `payout.${to.toLowerCase()}`,
      actorId: note.actorId ?? null,
      targetType: "payout",
      targetId: payoutId,
      metadata: { from: moved[0].old, ...note.detail },
      requestId: note.requestId ?? null,
    },
    tx,
  );
  payoutMetrics().transitions.inc({ to, method: moved[0].method });
  return moved[0].old;
}

/** A timeline line that is not a transition: a Stripe event, a call's outcome, an admin's note. */
export async function notePayout(
  tx: Tx,
  payoutId: string,
  note: TimelineNote & { fromState?: PayoutState; toState?: PayoutState },
): Promise<void> {
  await tx.payoutEvent.create({
    data: {
      payoutId,
      kind: note.kind,
      fromState: note.fromState,
      toState: note.toState,
      stripeEventId: note.stripeEventId ?? null,
      actorId: note.actorId ?? null,
      detail: (note.detail ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}
