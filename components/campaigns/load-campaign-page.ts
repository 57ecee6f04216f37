import "server-only";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/access";
import {
  campaignFormShape,
  describeCampaign,
  formFromDefinition,
  getCampaign,
  listCampaignAwards,
  listUnlockableOffers,
  SHOP_TRIGGERS,
  TRIGGER_WORDS,
  TRIGGERS,
} from "@/lib/campaigns";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";

/** The triggers a surface offers in its form, with their words. */
export const triggerChoices = (surface: "admin" | "merchant") =>
  TRIGGERS.filter((t) => surface === "admin" || SHOP_TRIGGERS.has(t)).map((t) => ({
    value: t,
    label: TRIGGER_WORDS[t],
  }));

/** Everything a campaign's page shows, for an admin or a shop owner; out of scope is a 404. */
export async function loadCampaignPage(actor: Actor, campaignId: string) {
  const campaign = await getCampaign(actor, campaignId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const [awards, offers] = await Promise.all([
    listCampaignAwards(actor, campaign.id),
    listUnlockableOffers(actor, campaign.merchantId),
  ]);
  const zone = config().BUSINESS_TIME_ZONE;
  const titles = new Map(offers.map((o) => [o.id, o.title]));
  const offerTitle = (id: string) => titles.get(id);
  const current = campaign.versions.find((v) => v.version === campaign.currentVersion)!;
  const paid = new Map(campaign.totals.byVersion.map((v) => [v.version, v]));
  return {
    campaign,
    awards,
    offers,
    zone,
    current,
    words: describeCampaign(current.definition, zone, offerTitle),
    formValues: formFromDefinition(current.definition),
    /** The revise form's idempotency key, new on every render (a saved revision refreshes the page). */
    requestKey: randomUUID(),
    versions: [...campaign.versions].reverse().map((v) => ({
      version: v.version,
      createdAt: v.createdAt,
      words: describeCampaign(v.definition, zone, offerTitle),
      paid: paid.get(v.version) ?? { awards: 0, nova: 0, cents: 0 },
    })),
  };
}
export type CampaignPage = Awaited<ReturnType<typeof loadCampaignPage>>;

/** A new campaign's starting values: a draft that starts now, every day, one bonus. */
export function newCampaignValues(trigger: string): Record<string, string> {
  return {
    ...Object.fromEntries(Object.keys(campaignFormShape).map((k) => [k, ""])),
    trigger,
    days: "0,1,2,3,4,5,6",
    segment: "any",
    segmentDays: "30",
    startsAt: new Date().toISOString(),
    effect0Kind: "bonus_nova",
  };
}
