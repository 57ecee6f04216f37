import "server-only";
import type { Tx } from "@/lib/db";
import { accounts, postInTx, reverseInTx, type LedgerLine } from "@/lib/ledger";
import { storedDefinition } from "./parse";
import { campaignAwardKey, campaignReleaseKey } from "./pay-award";
import { unlockOffersInTx } from "./unlock-offers";

type HeldAward = {
  id: string;
  campaignId: string;
  version: number;
  trigger: string;
  triggerId: string;
  nova: number;
  cents: number;
  offerIds: string[];
  label: string;
  transactionId: string | null;
};

/**
 * Moves the driver's HELD awards to `to`, once each (the conditional update decides, whoever runs it
 * twice), in campaign id order: the order payers lock campaigns in, so the two never deadlock.
 */
async function settleHeld(tx: Tx, driverId: string, to: "PAID" | "VOIDED") {
  const rows = await tx.$queryRaw<HeldAward[]>`
    UPDATE "CampaignAward" SET "status" = ${to}::"CampaignAwardStatus"
    WHERE "driverId" = ${driverId} AND "status" = 'HELD'
    RETURNING "id", "campaignId", "version", "trigger", "triggerId", "nova", "cents", "offerIds", "label", "transactionId"`;
  return rows.sort((a, b) => (a.campaignId < b.campaignId ? -1 : a.campaignId > b.campaignId ? 1 : 0));
}

/**
 * The review ended with no hold left (the caller checked, in this transaction): each held award is
 * paid — its pending bonus made available under its own key, its offers unlocked.
 */
export async function releaseHeldCampaignAwardsInTx(tx: Tx, driverId: string): Promise<string[]> {
  const released: string[] = [];
  for (const a of await settleHeld(tx, driverId, "PAID")) {
    const version = await tx.campaignVersion.findUniqueOrThrow({
      where: { campaignId_version: { campaignId: a.campaignId, version: a.version } },
      select: { definition: true },
    });
    const name = storedDefinition(version.definition).name;
    await unlockOffersInTx(tx, { driverId, campaignId: a.campaignId, name, offerIds: a.offerIds });
    if (!a.transactionId) continue;
    const lines: LedgerLine[] = [];
    if (a.nova > 0)
      lines.push(
        { account: accounts.driverPendingNova(driverId), amount: -BigInt(a.nova) },
        { account: accounts.driverNova(driverId), amount: BigInt(a.nova) },
      );
    if (a.cents > 0)
      lines.push(
        { account: accounts.driverPendingUsd(driverId), amount: -BigInt(a.cents) },
        { account: accounts.driverUsd(driverId), amount: BigInt(a.cents) },
      );
    const posted = await postInTx(tx, {
      idempotencyKey: campaignReleaseKey(campaignAwardKey(a.campaignId, a.version, a.trigger, a.triggerId)),
      type: "CAMPAIGN_REWARD_RELEASE",
      reason: `${a.label}: available after review`,
      request: { awardId: a.id, driverId },
      metadata: { awardId: a.id, campaignId: a.campaignId, rewardTxId: a.transactionId },
      lines,
    });
    released.push(posted.transactionId);
  }
  return released;
}

/**
 * The review voided the held rewards: each held award's bonus is reversed with the reviewer's
 * reason (once per flag), its offers stay locked, and its cost goes back to the campaign's budget.
 */
export async function voidHeldCampaignAwardsInTx(
  tx: Tx,
  input: { driverId: string; flagId: string; reason: string; actorId: string },
): Promise<string[]> {
  const reversed: string[] = [];
  for (const a of await settleHeld(tx, input.driverId, "VOIDED")) {
    await tx.$executeRaw`
      UPDATE "Campaign" SET "spentNova" = "spentNova" - ${a.nova}, "spentCents" = "spentCents" - ${a.cents},
                            "awardCount" = "awardCount" - 1, "updatedAt" = now()
      WHERE "id" = ${a.campaignId}`;
    if (!a.transactionId) continue;
    const posted = await reverseInTx(tx, {
      transactionId: a.transactionId,
      idempotencyKey: `risk:${input.flagId}:void:campaign:${a.id}`,
      reason: `Voided on review: ${input.reason} (${a.label})`,
      actorId: input.actorId,
      request: { flagId: input.flagId, awardId: a.id },
    });
    reversed.push(posted.transactionId);
  }
  return reversed;
}
