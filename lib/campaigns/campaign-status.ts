import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db } from "@/lib/db";
import type { CampaignStatus } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requestAnnouncementInTx } from "@/lib/notifications";
import { assertMayPutLive, findManagedCampaign } from "./access";
import { storedDefinition } from "./parse";

/** The moves a campaign may make; ENDED is final. */
const MOVES: Record<CampaignStatus, readonly CampaignStatus[]> = {
  DRAFT: ["LIVE", "ENDED"],
  LIVE: ["PAUSED", "ENDED"],
  PAUSED: ["LIVE", "ENDED"],
  ENDED: [],
};
const WORD: Record<CampaignStatus, string> = { DRAFT: "a draft", LIVE: "live", PAUSED: "paused", ENDED: "ended" };
/** Asked for the status it already has: said as that, not as a rule about moves. */
const ALREADY: Record<CampaignStatus, string> = {
  DRAFT: "This campaign is already a draft.",
  LIVE: "This campaign is already live.",
  PAUSED: "This campaign is already paused.",
  ENDED: "This campaign has already ended.",
};
const refusedMove = (from: CampaignStatus, to: CampaignStatus) =>
  new AppError(
    "campaign_state",
    from === to ? ALREADY[to] : `A campaign that is ${WORD[from]} cannot become ${WORD[to]}.`,
  );

/** Launches, pauses, resumes or ends a campaign (conditional on the status it was read in), audited. */
export async function setCampaignStatus(actor: Actor, campaignId: string, status: CampaignStatus, meta: RequestMeta) {
  const found = await findManagedCampaign(actor, campaignId);
  if (!MOVES[found.status].includes(status)) throw refusedMove(found.status, status);
  return db().$transaction(async (tx) => {
    if (status === "LIVE" && found.merchantId) {
      // under the row lock a revision takes, so the version checked is the version that goes live
      const [row] = await tx.$queryRaw<{ currentVersion: number }[]>`
        SELECT "currentVersion" FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
      const version = await tx.campaignVersion.findUniqueOrThrow({
        where: { campaignId_version: { campaignId, version: row.currentVersion } },
      });
      assertMayPutLive(actor, found.merchantId, storedDefinition(version.definition).effects);
    }
    const moved = await tx.campaign.updateMany({ where: { id: campaignId, status: found.status }, data: { status } });
    if (moved.count !== 1)
      throw new AppError("campaign_state", "This campaign changed in the meantime. Reload it and try again.");
    await recordAudit(
      {
        action: "campaign.status_changed",
        actorId: actor.userId,
        targetType: "campaign",
        targetId: campaignId,
        metadata: { status, was: found.status },
        ...meta,
      },
      tx,
    );
    // launched (or resumed): the drivers it applies to are told after the commit, by the announce job, once
    if (status === "LIVE") await requestAnnouncementInTx(tx, "campaign", campaignId);
    return { id: campaignId, status };
  });
}

/**
 * The kill switch: off, the campaign pays nothing whatever its status; audited with the value before.
 * An ended campaign pays nothing for good, so its switch no longer moves (decided by the update itself).
 */
export async function setCampaignEnabled(actor: Actor, campaignId: string, enabled: boolean, meta: RequestMeta) {
  const found = await findManagedCampaign(actor, campaignId);
  return db().$transaction(async (tx) => {
    const switched = await tx.campaign.updateMany({
      where: { id: campaignId, status: { not: "ENDED" } },
      data: { enabled },
    });
    if (switched.count !== 1)
      throw new AppError(
        "campaign_state",
        "This campaign has ended: it pays nothing for good, so its kill switch can no longer be changed.",
      );
    await recordAudit(
      {
        action: "campaign.switched",
        actorId: actor.userId,
        targetType: "campaign",
        targetId: campaignId,
        metadata: { enabled, was: found.enabled },
        ...meta,
      },
      tx,
    );
    return { id: campaignId, enabled };
  });
}
