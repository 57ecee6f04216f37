import "server-only";
import { can, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { assertCampaignScope, findManagedCampaign } from "./access";
import { storedDefinition } from "./parse";

/** Campaigns in the actor's scope, newest first: admins see all (or one shop's), owners their shop's. */
export async function listCampaigns(actor: Actor, filter: { merchantId?: string | null } = {}) {
  const merchantId = filter.merchantId ?? null;
  if (merchantId !== null || !can(actor.role, "admin:campaigns")) await assertCampaignScope(actor, merchantId);
  return db().campaign.findMany({
    where: merchantId === null ? {} : { merchantId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      merchantId: true,
      name: true,
      trigger: true,
      status: true,
      enabled: true,
      currentVersion: true,
      spentNova: true,
      spentCents: true,
      awardCount: true,
      createdAt: true,
    },
  });
}

/** One campaign with every version (oldest first, definitions typed) and what it has paid. */
export async function getCampaign(actor: Actor, campaignId: string) {
  const campaign = await findManagedCampaign(actor, campaignId);
  const [versions, drivers, byVersion] = await Promise.all([
    db().campaignVersion.findMany({ where: { campaignId }, orderBy: { version: "asc" } }),
    db().campaignAward.groupBy({ by: ["driverId"], where: { campaignId } }),
    db().campaignAward.groupBy({
      by: ["version"],
      where: { campaignId },
      _count: { _all: true },
      _sum: { nova: true, cents: true },
      orderBy: { version: "asc" },
    }),
  ]);
  return {
    ...campaign,
    versions: versions.map((v) => ({ ...v, definition: storedDefinition(v.definition) })),
    totals: {
      awards: campaign.awardCount,
      nova: campaign.spentNova,
      cents: campaign.spentCents,
      drivers: drivers.length,
      byVersion: byVersion.map((v) => ({
        version: v.version,
        awards: v._count._all,
        nova: v._sum.nova ?? 0,
        cents: v._sum.cents ?? 0,
      })),
    },
  };
}
