import "server-only";
import type { Tx } from "@/lib/db";
import { reverseInTx } from "@/lib/ledger";
import { makeRewardAvailable } from "./session-reward";

type HeldSession = { id: string; driverId: string; chargerName: string; pendingTxId: string };

/**
 * Charging rewards a review hold kept pending: the session verified, its pending reward neither
 * made available nor reversed. (Without a hold, verification releases the reward in its own transaction.)
 */
export async function listHeldSessionRewards(tx: Tx, driverId: string): Promise<HeldSession[]> {
  return tx.$queryRaw<HeldSession[]>`
    SELECT s."id", s."driverId", c."name" AS "chargerName", t."id" AS "pendingTxId"
    FROM "ChargingSession" s
    JOIN "Charger" c ON c."id" = s."chargerId"
    JOIN "LedgerTransaction" t ON t."idempotencyKey" = 'session:' || s."id" || ':pending'
    WHERE s."driverId" = ${driverId} AND s."status" = 'VERIFIED'
      AND NOT EXISTS (SELECT 1 FROM "LedgerTransaction" r WHERE r."reversesId" = t."id")
      AND NOT EXISTS (SELECT 1 FROM "LedgerTransaction" a WHERE a."idempotencyKey" = 'session:' || s."id" || ':available')
    ORDER BY s."startedAt"`;
}

/** Review approved and no hold left: each held charging reward becomes available (once, by its own key). */
export async function releaseHeldSessionRewards(tx: Tx, driverId: string): Promise<string[]> {
  const released: string[] = [];
  for (const s of await listHeldSessionRewards(tx, driverId)) {
    const posted = await makeRewardAvailable(tx, s);
    if (posted) released.push(posted.transactionId);
  }
  return released;
}

/** Review voided: each held charging reward is reversed with the reviewer's reason (once per flag). */
export async function reverseHeldSessionRewards(
  tx: Tx,
  input: { driverId: string; flagId: string; reason: string; actorId: string },
): Promise<string[]> {
  const reversed: string[] = [];
  for (const s of await listHeldSessionRewards(tx, input.driverId)) {
    const posted = await reverseInTx(tx, {
      transactionId: s.pendingTxId,
      idempotencyKey: `risk:${input.flagId}:void:${s.id}`,
      reason: `Voided on review: ${input.reason}`,
      actorId: input.actorId,
      request: { flagId: input.flagId, sessionId: s.id },
    });
    reversed.push(posted.transactionId);
  }
  return reversed;
}
