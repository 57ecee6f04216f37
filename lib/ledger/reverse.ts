import "server-only";
import type { Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { AccountRef } from "./accounts";
import { postInTx, type Posted, type RequestFingerprint } from "./post";

/**
 * A reversal is a new transaction pointing at the original with every line negated. The
 * unique `reversesId` allows one per transaction; balances that were already spent make it
 * fail as insufficient rather than go negative. `pendingReleased` says the original's pending
 * lines have since been made available (a verified charging reward): they are taken back from
 * the available account, where the money is now, never from another pending amount.
 */
export async function reverseInTx(
  tx: Tx,
  input: {
    transactionId: string;
    idempotencyKey: string;
    reason: string;
    actorId: string | null;
    /** What else changes the outcome (the original is always part of the fingerprint). */
    request: RequestFingerprint;
    pendingReleased?: boolean;
    /** Driver available accounts this reversal may take below zero (see PostInput.overdraft). */
    overdraft?: AccountRef[];
  },
): Promise<Posted> {
  const original = await tx.ledgerTransaction.findUnique({
    where: { id: input.transactionId },
    select: { id: true, type: true, reversesId: true, entries: { select: { amount: true, account: true } } },
  });
  if (!original) throw notFound("That transaction");
  return postInTx(tx, {
    idempotencyKey: input.idempotencyKey,
    type: "REVERSAL",
    reason: input.reason,
    actorId: input.actorId,
    reversesId: original.id,
    request: input.request,
    metadata: { reversedType: original.type },
    overdraft: input.overdraft,
    insufficientMessage: "This cannot be reversed: the Nova has already been spent or moved.",
    lines: original.entries.map((e) => ({
      account: {
        ownerType: e.account.ownerType,
        ownerId: e.account.ownerId,
        kind: input.pendingReleased && e.account.kind === "PENDING" ? "AVAILABLE" : e.account.kind,
        currency: e.account.currency,
      },
      amount: -e.amount,
    })),
  });
}
