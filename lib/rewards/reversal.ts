import "server-only";
import { db, type Tx } from "@/lib/db";
import { adminReversalRefusal } from "@/lib/ledger";
import { rewardMadeAvailable } from "./session-reward";

export type ReversalCheck = {
  /** Why an admin may not reverse it now, or null. */
  refusal: string | null;
  /** Its pending lines were made available since: a reversal takes them back from available. */
  pendingReleased: boolean;
};

/**
 * Whether an admin may reverse a transaction now: the registry's rule for its type, given the one
 * fact the rule needs (a charging reward still pending verification may not be reversed).
 * Null when there is no such transaction.
 */
export async function checkReversal(
  transactionId: string,
  client: Pick<Tx, "ledgerTransaction"> = db(),
): Promise<ReversalCheck | null> {
  const original = await client.ledgerTransaction.findUnique({
    where: { id: transactionId },
    select: {
      type: true,
      metadata: true,
      reversedBy: { select: { id: true } },
      entries: { select: { account: { select: { kind: true } } } },
    },
  });
  if (!original) return null;
  const hasPending = original.entries.some((e) => e.account.kind === "PENDING");
  const pendingReleased = hasPending && (await pendingMadeAvailable(client, original.metadata));
  // an already reversed (e.g. forfeited) reward is refused as already reversed, not as pending
  const stillPending = hasPending && !pendingReleased && original.reversedBy === null;
  return { refusal: adminReversalRefusal(original.type, { stillPending }), pendingReleased };
}

/** A charging reward says its session; a held campaign bonus says the key of its release. */
async function pendingMadeAvailable(client: Pick<Tx, "ledgerTransaction">, metadata: unknown): Promise<boolean> {
  const { sessionId, releaseKey } = (metadata ?? {}) as { sessionId?: unknown; releaseKey?: unknown };
  if (typeof sessionId === "string") return rewardMadeAvailable(client, sessionId);
  if (typeof releaseKey !== "string") return false;
  const release = await client.ledgerTransaction.findUnique({
    where: { idempotencyKey: releaseKey },
    select: { id: true },
  });
  return release !== null;
}
