import "server-only";
import { recordAudit } from "@/lib/audit";
import type { RequestMeta } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import { db, Prisma } from "@/lib/db";
import { assertCampaignScope, assertShopTrigger } from "./access";
import { isReplayedKey, versionMadeByForm } from "./form-replay";
import { parseDefinition } from "./parse";
import { assertUnlockableOffers } from "./unlock-offers";

export type CreateCampaignInput = {
  merchantId?: string | null;
  definition: unknown;
  /** The form's idempotency key: the same key again returns the campaign it created. */
  requestKey?: string;
};

/**
 * A new campaign, as a draft with its version 1 (admins: any; shop owners: their shop's purchases
 * and redemptions). Sent again with the same form key (a double click, a resubmit, concurrent
 * copies), the version's unique key refuses the second insert and the first campaign is returned.
 */
export async function createCampaign(actor: Actor, input: CreateCampaignInput, meta: RequestMeta) {
  const merchantId = input.merchantId ?? null;
  await assertCampaignScope(actor, merchantId);
  const definition = parseDefinition(input.definition);
  if (merchantId) assertShopTrigger(actor, definition.trigger);
  await assertUnlockableOffers(definition, merchantId);
  const created = db().$transaction(async (tx) => {
    const campaign = await tx.campaign.create({
      data: {
        merchantId,
        name: definition.name,
        trigger: definition.trigger,
        createdById: actor.userId,
        versions: {
          create: {
            version: 1,
            definition: definition as unknown as Prisma.InputJsonValue,
            createdById: actor.userId,
            requestKey: input.requestKey,
          },
        },
      },
    });
    await recordAudit(
      {
        action: "campaign.created",
        actorId: actor.userId,
        targetType: "campaign",
        targetId: campaign.id,
        metadata: { merchantId, version: 1, definition },
        ...meta,
      },
      tx,
    );
    return campaign;
  });
  return created.catch(async (err) => {
    if (!isReplayedKey(err, input.requestKey)) throw err;
    const made = await versionMadeByForm(actor, input.requestKey);
    if (made.version !== 1) throw err;
    return made.campaign;
  });
}
