import "server-only";
import type { Tx } from "@/lib/db";
import { riskHoldInTx } from "@/lib/ledger";
import { voidPendingPurchaseRewards } from "@/lib/purchases";
import { releaseHeldSessionRewards, reverseHeldSessionRewards } from "@/lib/rewards";

/** After an approval: when no hold is left, the held charging rewards become available (purchase rewards follow their own release job). */
export async function releaseIfUnheld(tx: Tx, driverId: string): Promise<string[]> {
  if (await riskHoldInTx(tx, driverId)) return [];
  return releaseHeldSessionRewards(tx, driverId);
}

/** After a void: the rewards the hold kept pending are reversed through the ledger, with the reason. */
export async function reverseHeld(
  tx: Tx,
  input: { driverId: string; flagId: string; reason: string; actorId: string },
): Promise<string[]> {
  const sessions = await reverseHeldSessionRewards(tx, input);
  const purchases = await voidPendingPurchaseRewards(tx, input);
  return [...sessions, ...purchases];
}
