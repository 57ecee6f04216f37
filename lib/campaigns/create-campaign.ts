import "server-only";
import { recordAudit } from "@/lib/audit";
import type { Actor, RequestMeta } from "@/lib/auth";
import { db, Prisma } from "@/lib/db";
import { assertCampaignScope, assertShopTrigger } from "./access";
import { parseDefinition } from "./parse";
import { assertUnlockableOffers } from "./unlock-offers";

export type CreateCampaignInput = { merchantId?: string | null; definition: unknown };

/** A new campaign, as a draft with its version 1 (admins: any; shop owners: their shop's purchases and redemptions). */
export async function createCampaign(actor: Actor, input: CreateCampaignInput, meta: RequestMeta) {
  const merchantId = input.merchantId ?? null;
  await assertCampaignScope(actor, merchantId);
  const definition = parseDefinition(input.definition);
  if (merchantId) assertShopTrigger(actor, definition.trigger);
  await assertUnlockableOffers(definition, merchantId);
  return db().$transaction(async (tx) => {
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
}
