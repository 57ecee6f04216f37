import "server-only";
import { releaseHeldCampaignAwardsInTx, voidHeldCampaignAwardsInTx } from "@/lib/campaigns";
import type { Tx } from "@/lib/db";
import { riskHoldInTx } from "@/lib/ledger";
import { voidPendingPurchaseRewards } from "@/lib/purchases";
import { releaseHeldSessionRewards, reverseHeldSessionRewards } from "@/lib/rewards";

/**
 * After an approval: when no hold is left, the held charging rewards and campaign bonuses become
 * available (purchase rewards follow their own release job).
 */
export async function releaseIfUnheld(tx: Tx, driverId: string): Promise<string[]> {
  if (await riskHoldInTx(tx, driverId)) return [];
  const sessions = await releaseHeldSessionRewards(tx, driverId);
  const bonuses = await releaseHeldCampaignAwardsInTx(tx, driverId);
  return [...sessions, ...bonuses];
}

/** After a void: the rewards the hold kept pending are reversed through the ledger, with the reason. */
export async function reverseHeld(
  tx: Tx,
  input: { driverId: string; flagId: string; reason: string; actorId: string },
): Promise<string[]> {
  const sessions = await reverseHeldSessionRewards(tx, input);
  const purchases = await voidPendingPurchaseRewards(tx, input);
  const bonuses = await voidHeldCampaignAwardsInTx(tx, input);
  return [...sessions, ...purchases, ...bonuses];
}
