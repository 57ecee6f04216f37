import "server-only";
import type { Tx } from "@/lib/db";
import { accounts, createId, postInTx, type LedgerLine } from "@/lib/ledger";
import type { Decision, TriggerEvent } from "./evaluate";
import { unlockOffersInTx } from "./unlock-offers";

/** The ledger key of a campaign's payment for one trigger: re-evaluation replays it, never pays twice. */
export const campaignAwardKey = (campaignId: string, version: number, trigger: string, triggerId: string) =>
  `campaign:${campaignId}:v${version}:${trigger}:${triggerId}`;

/** The key that makes a held award's pending bonus available (once). */
export const campaignReleaseKey = (awardKey: string) => `${awardKey}:available`;

/**
 * Claims the award row (a conflict: paid before, nothing more happens), posts the bonus and bumps
 * the campaign's counters, under the campaign's lock. Held for review: the bonus goes to the
 * driver's pending accounts and the offers stay locked until the review ends (held-awards.ts).
 */
export async function payAward(
  tx: Tx,
  e: TriggerEvent,
  d: Extract<Decision, { applies: true }>,
  day: string,
  held: boolean,
): Promise<boolean> {
  const { nova, cents, offerIds, label } = d.award;
  const transactionId = nova > 0 || cents > 0 ? createId() : null;
  const status = held ? "HELD" : "PAID";
  const claimed = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "CampaignAward" ("id", "campaignId", "version", "trigger", "triggerId", "driverId", "nova", "cents",
                                 "offerIds", "label", "localDay", "transactionId", "status")
    VALUES (${createId()}, ${d.campaignId}, ${d.version}, ${e.trigger}, ${e.id}, ${e.driverId}, ${nova}, ${cents},
            ${offerIds}::text[], ${label}, ${day}, ${transactionId}, ${status}::"CampaignAwardStatus")
    ON CONFLICT ("campaignId", "trigger", "triggerId") DO NOTHING
    RETURNING "id"`;
  if (claimed.length === 0) return false;
  const [novaTo, usdTo] = held
    ? [accounts.driverPendingNova(e.driverId), accounts.driverPendingUsd(e.driverId)]
    : [accounts.driverNova(e.driverId), accounts.driverUsd(e.driverId)];
  const lines: LedgerLine[] = [];
  if (nova > 0)
    lines.push({ account: accounts.novaIssuance(), amount: -BigInt(nova) }, { account: novaTo, amount: BigInt(nova) });
  if (cents > 0)
    lines.push(
      { account: accounts.rewardsExpenseUsd(), amount: -BigInt(cents) },
      { account: usdTo, amount: BigInt(cents) },
    );
  const key = campaignAwardKey(d.campaignId, d.version, e.trigger, e.id);
  if (transactionId)
    await postInTx(tx, {
      id: transactionId,
      idempotencyKey: key,
      type: "CAMPAIGN_REWARD",
      // the statement line names the campaign and what it gave ("Night owl bonus, 2× Nova")
      reason: label,
      request: {
        campaignId: d.campaignId,
        version: d.version,
        trigger: e.trigger,
        triggerId: e.id,
        driverId: e.driverId,
      },
      metadata: {
        campaignId: d.campaignId,
        version: d.version,
        trigger: e.trigger,
        triggerId: e.id,
        nova,
        cents,
        // a held bonus sits in pending until this key is posted (what an admin reversal must know)
        ...(held ? { releaseKey: campaignReleaseKey(key) } : {}),
      },
      lines,
    });
  if (!held) await unlockOffersInTx(tx, { driverId: e.driverId, campaignId: d.campaignId, name: d.name, offerIds });
  await tx.$executeRaw`
    UPDATE "Campaign" SET "spentNova" = "spentNova" + ${nova}, "spentCents" = "spentCents" + ${cents},
                          "awardCount" = "awardCount" + 1, "updatedAt" = now()
    WHERE "id" = ${d.campaignId}`;
  return true;
}
