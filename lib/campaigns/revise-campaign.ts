import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertMayPutLive, assertShopTrigger, findManagedCampaign } from "./access";
import { isReplayedKey, versionMadeByForm } from "./form-replay";
import { parseDefinition } from "./parse";
import { assertUnlockableOffers } from "./unlock-offers";

const dollars = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** A budget below what the campaign has already spent (paid or held) cannot be met: refused, naming the spent amount. */
function assertBudgetsCoverSpent(
  limits: { budgetNova?: number; budgetCents?: number },
  spent: { spentNova: number; spentCents: number },
) {
  if (limits.budgetNova !== undefined && limits.budgetNova < spent.spentNova)
    throw new AppError(
      "invalid_input",
      `This campaign has already spent ${spent.spentNova.toLocaleString("en-US")} Nova: its Nova budget cannot be less than that.`,
    );
  if (limits.budgetCents !== undefined && limits.budgetCents < spent.spentCents)
    throw new AppError(
      "invalid_input",
      `This campaign has already spent ${dollars(spent.spentCents)} in cash: its cash budget cannot be less than that.`,
    );
}

/**
 * A new version of the campaign's rules; awards already paid keep the version that paid them.
 * The campaign row is locked, so a revision and an award never interleave (an award evaluates
 * either the old version or the new one, whole). The same form sent again (its key, `requestKey`)
 * makes no second version: the answer is the version it made the first time.
 */
export async function reviseCampaign(
  actor: Actor,
  campaignId: string,
  rawDefinition: unknown,
  meta: RequestMeta,
  requestKey?: string,
): Promise<{ id: string; version: number }> {
  const found = await findManagedCampaign(actor, campaignId);
  const definition = parseDefinition(rawDefinition);
  if (definition.trigger !== found.trigger)
    throw new AppError(
      "invalid_input",
      "A campaign's trigger cannot change. End this campaign and create a new one for the other trigger.",
    );
  if (found.merchantId) assertShopTrigger(actor, definition.trigger);
  await assertUnlockableOffers(definition, found.merchantId);
  const revised = db().$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<
      { currentVersion: number; status: string; spentNova: number; spentCents: number }[]
    >`
      SELECT "currentVersion", "status"::text AS "status", "spentNova", "spentCents"
      FROM "Campaign" WHERE "id" = ${campaignId} FOR UPDATE`;
    if (row.status === "ENDED")
      throw new AppError("campaign_state", "This campaign has ended; create a new campaign instead.");
    // decided on the locked row: awards bump what is spent under this same lock
    assertBudgetsCoverSpent(definition.limits, row);
    if (row.status === "LIVE") assertMayPutLive(actor, found.merchantId, definition.effects);
    const version = row.currentVersion + 1;
    await tx.campaignVersion.create({
      data: {
        campaignId,
        version,
        definition: definition as unknown as Prisma.InputJsonValue,
        createdById: actor.userId,
        requestKey,
      },
    });
    const campaign = await tx.campaign.update({
      where: { id: campaignId },
      data: { currentVersion: version, name: definition.name },
    });
    await recordAudit(
      {
        action: "campaign.revised",
        actorId: actor.userId,
        targetType: "campaign",
        targetId: campaignId,
        metadata: { version, was: row.currentVersion, definition },
        ...meta,
      },
      tx,
    );
    return { id: campaign.id, version };
  });
  return revised.catch(async (err) => {
    if (!isReplayedKey(err, requestKey)) throw err;
    const made = await versionMadeByForm(actor, requestKey, campaignId);
    return { id: made.campaignId, version: made.version };
  });
}
