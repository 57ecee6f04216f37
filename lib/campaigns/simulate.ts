import "server-only";
import { can, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertCampaignScope, assertShopTrigger, findManagedCampaign } from "./access";
import type { CampaignDefinition } from "./definition";
import { loadTriggerHistory } from "./history";
import { loadDriverFacts } from "./history-facts";
import { parseDefinition, storedDefinition } from "./parse";
import { replayCampaign, type Replay } from "./replay";

export const SIMULATION_MAX_DAYS = 90;
const DAY_MS = 86_400_000;

export type SimulateInput = {
  days: number;
  /** A stored campaign: its version (default: the current one), or `definition` as a draft revision of it. */
  campaignId?: string;
  version?: number;
  /** A draft: a new campaign's definition (program-wide, or for `merchantId`'s shop). */
  definition?: unknown;
  merchantId?: string | null;
  /** How many drivers to name, highest earners first. */
  top?: number;
};

export type Simulation = Omit<Replay, "drivers"> & {
  from: Date;
  to: Date;
  days: number;
  version: number | null;
  driverCount: number;
  drivers: (Replay["drivers"][number] & { label: string })[];
};

/** The definition and scope to simulate, checked as creating or revising it would be. */
async function resolve(actor: Actor, input: SimulateInput) {
  if (input.campaignId) {
    const campaign = await findManagedCampaign(actor, input.campaignId);
    if (input.definition !== undefined) {
      const definition = parseDefinition(input.definition);
      if (campaign.merchantId) assertShopTrigger(actor, definition.trigger);
      return { id: campaign.id, version: null, merchantId: campaign.merchantId, definition };
    }
    const version = input.version ?? campaign.currentVersion;
    const row = await db().campaignVersion.findUnique({
      where: { campaignId_version: { campaignId: campaign.id, version } },
    });
    if (!row) throw notFound("That version");
    return { id: campaign.id, version, merchantId: campaign.merchantId, definition: storedDefinition(row.definition) };
  }
  const merchantId = input.merchantId ?? null;
  await assertCampaignScope(actor, merchantId);
  const definition = parseDefinition(input.definition);
  if (merchantId) assertShopTrigger(actor, definition.trigger);
  return { id: "draft", version: null, merchantId, definition };
}

/**
 * What the campaign would have paid over the last `days` days of real triggers, through the same rule
 * code that pays: as if it had run through the whole window (its days, hours and other conditions
 * apply; its own start and end dates are set aside). Shop owners see their shop's triggers only, and
 * drivers by number rather than by name.
 */
export async function simulateCampaign(actor: Actor, input: SimulateInput, now = new Date()): Promise<Simulation> {
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > SIMULATION_MAX_DAYS)
    throw new AppError("invalid_input", `Choose from 1 to ${SIMULATION_MAX_DAYS} days to replay.`);
  const target = await resolve(actor, input);
  const window = { from: new Date(now.getTime() - input.days * DAY_MS), to: now };
  const definition: CampaignDefinition = {
    ...target.definition,
    limits: { ...target.definition.limits, startsAt: window.from, endsAt: undefined },
  };
  const events = await loadTriggerHistory(definition.trigger, window, target.merchantId);
  const facts = await loadDriverFacts(events, definition.conditions.segment === "lapsed");
  const campaign = { id: target.id, version: target.version ?? 0, merchantId: target.merchantId, definition };
  const replay = replayCampaign(campaign, events, facts, config().BUSINESS_TIME_ZONE);
  const top = replay.drivers.slice(0, input.top ?? 10);
  const names = can(actor.role, "admin:campaigns") ? await driverNames(top.map((d) => d.driverId)) : null;
  return {
    ...replay,
    from: window.from,
    to: window.to,
    days: input.days,
    version: target.version,
    driverCount: replay.drivers.length,
    // a shop sees its customers by rank only: no ids, no names
    drivers: top.map((d, i) =>
      names
        ? { ...d, label: names.get(d.driverId) ?? "Unnamed driver" }
        : { ...d, driverId: `driver-${i + 1}`, label: `Driver ${i + 1}` },
    ),
  };
}

async function driverNames(ids: string[]) {
  const users = await db().user.findMany({
    where: { id: { in: ids } },
    select: { id: true, name: true, email: true, phone: true },
  });
  return new Map(users.map((u) => [u.id, u.name ?? u.email ?? u.phone ?? "Unnamed driver"]));
}
