import "server-only";
import { can, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { assertCampaignScope, findManagedCampaign } from "./access";
import { storedDefinition } from "./parse";
import { listCampaigns } from "./queries";

// What the campaign console shows beyond the campaign rows: budgets of the current versions, the
// awards a campaign paid, and the offers an effect may unlock.

/** Campaigns in scope (as listCampaigns), each with its current version's budgets. */
export async function listCampaignSummaries(actor: Actor, filter: { merchantId?: string | null } = {}) {
  const campaigns = await listCampaigns(actor, filter);
  const versions = campaigns.length
    ? await db().campaignVersion.findMany({
        where: { OR: campaigns.map((c) => ({ campaignId: c.id, version: c.currentVersion })) },
        select: { campaignId: true, definition: true },
      })
    : [];
  const limits = new Map(versions.map((v) => [v.campaignId, storedDefinition(v.definition).limits]));
  return campaigns.map((c) => ({
    ...c,
    budgetNova: limits.get(c.id)?.budgetNova ?? null,
    budgetCents: limits.get(c.id)?.budgetCents ?? null,
    endsAt: limits.get(c.id)?.endsAt ?? null,
  }));
}
export type CampaignSummary = Awaited<ReturnType<typeof listCampaignSummaries>>[number];

/** A campaign's awards, newest first, with the driver and the statement line each one wrote. */
export async function listCampaignAwards(actor: Actor, campaignId: string, take = 50) {
  const campaign = await findManagedCampaign(actor, campaignId);
  const admin = can(actor.role, "admin:campaigns");
  const awards = await db().campaignAward.findMany({
    where: { campaignId: campaign.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      version: true,
      trigger: true,
      nova: true,
      cents: true,
      offerIds: true,
      label: true,
      transactionId: true,
      createdAt: true,
      driver: { select: { id: true, name: true, email: true } },
    },
  });
  // a shop's owners see what was paid, not who was paid
  return awards.map(({ driver, ...a }) => ({
    ...a,
    driver: admin ? { id: driver.id, label: driver.name ?? driver.email ?? "Unnamed driver" } : null,
  }));
}
export type CampaignAwardRow = Awaited<ReturnType<typeof listCampaignAwards>>[number];

/** Offers an unlock effect may name: live ones anywhere for admins, the shop's own for its owners. */
export async function listUnlockableOffers(actor: Actor, merchantId: string | null) {
  if (merchantId !== null || !can(actor.role, "admin:campaigns")) await assertCampaignScope(actor, merchantId);
  const now = new Date();
  const offers = await db().offer.findMany({
    where: {
      active: true,
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
      ...(merchantId ? { merchantId } : {}),
    },
    orderBy: [{ merchant: { name: "asc" } }, { title: "asc" }],
    take: 200,
    select: { id: true, title: true, merchant: { select: { name: true } } },
  });
  return offers.map((o) => ({ id: o.id, title: o.title, merchantName: o.merchant.name }));
}
export type UnlockableOffer = Awaited<ReturnType<typeof listUnlockableOffers>>[number];
