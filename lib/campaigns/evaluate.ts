import type { CampaignDefinition, Trigger } from "./definition";
import { inWindow, localDay } from "./local-time";

// One rule evaluation for every campaign reward: pure, so the payer and the simulator run the same
// code — the payer with usage read under lock in the reward's transaction, the simulator with usage
// it accumulates while replaying history.

export type TriggerEvent = {
  trigger: Trigger;
  /** The session, order, redemption or user rewarded: with the campaign, the payment's identity. */
  id: string;
  driverId: string;
  occurredAt: Date;
  place?: { chargerId?: string; merchantId?: string; latitude: number; longitude: number; isPartner: boolean };
  kwh?: number | null;
  /** The Nova the base earning rule paid for this trigger (multipliers apply to it). */
  baseNova?: number;
};
/** lastChargeAt: the driver's latest verified charge before this trigger. */
export type DriverFacts = { signedUpAt: Date; lastChargeAt: Date | null };
export type LiveCampaign = { id: string; version: number; merchantId: string | null; definition: CampaignDefinition };
export type CampaignUsage = { driverAwards: number; driverAwardsToday: number; novaSpent: number; centsSpent: number };
export const NO_USAGE: CampaignUsage = { driverAwards: 0, driverAwardsToday: 0, novaSpent: 0, centsSpent: 0 };

export type Award = { nova: number; cents: number; offerIds: string[]; label: string; budgetReached: boolean };
export type Decision = { campaignId: string; version: number; name: string } & (
  { applies: true; award: Award } | { applies: false; reason: string }
);

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const meters = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.latitude - a.latitude) * rad) / 2) ** 2 +
    Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(((b.longitude - a.longitude) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
};
const dayMs = 86_400_000;

/** Why the campaign does not apply to this trigger, or null when every condition holds. */
function refusal(c: LiveCampaign, e: TriggerEvent, driver: DriverFacts, usage: CampaignUsage, zone: string) {
  const { conditions: k, limits: l } = c.definition;
  const at = e.occurredAt;
  if (e.trigger !== c.definition.trigger) return "a different trigger";
  if (at < l.startsAt) return "before the campaign started";
  if (l.endsAt && at >= l.endsAt) return "after the campaign ended";
  if (c.merchantId && e.place?.merchantId !== c.merchantId) return "at another shop";
  if ((k.days || k.hours) && !inWindow(at, zone, k)) {
    const days = k.days ? `${k.days.map((d) => DAY_NAMES[d]).join(", ")} ` : "";
    const hours = k.hours ? `${k.hours.start}–${k.hours.end} ` : "";
    return `outside ${days}${hours}(${zone})`;
  }
  if (k.chargerIds && !k.chargerIds.includes(e.place?.chargerId ?? ""))
    return "at a charger the campaign does not cover";
  if (k.zone && (!e.place || meters(k.zone, e.place) > k.zone.radiusMeters)) return "outside the campaign's area";
  if (k.partnerOnly && !e.place?.isPartner) return "not at a partner";
  if (k.minKwh !== undefined && !((e.kwh ?? 0) >= k.minKwh)) return `under ${k.minKwh} kWh`;
  const span = k.segmentDays * dayMs;
  if (k.segment === "new" && at.getTime() - driver.signedUpAt.getTime() > span)
    return `not a new driver (joined over ${k.segmentDays} days before)`;
  if (k.segment === "lapsed" && (!driver.lastChargeAt || at.getTime() - driver.lastChargeAt.getTime() <= span))
    return `not a lapsed driver (charged within ${k.segmentDays} days, or never)`;
  if (l.perDriver !== undefined && usage.driverAwards >= l.perDriver) return `already earned ${l.perDriver}×`;
  if (l.perDriverPerDay !== undefined && usage.driverAwardsToday >= l.perDriverPerDay)
    return `already earned ${l.perDriverPerDay}× today`;
  return null;
}

const money = (cents: number) => `$${(cents / 100).toFixed(2)}`;

/** Whether one campaign version rewards this trigger, with what and why. */
export function evaluateCampaign(
  c: LiveCampaign,
  e: TriggerEvent,
  driver: DriverFacts,
  usage: CampaignUsage,
  defaultZone: string,
): Decision {
  const head = { campaignId: c.id, version: c.version, name: c.definition.name };
  const zone = c.definition.conditions.timeZone ?? defaultZone;
  const why = refusal(c, e, driver, usage, zone);
  if (why) return { ...head, applies: false, reason: why };
  const { effects, limits } = c.definition;
  let nova = 0;
  let cents = 0;
  const offerIds: string[] = [];
  const parts: string[] = [];
  for (const effect of effects) {
    if (effect.kind === "multiplier") {
      nova += Math.floor((Math.max(0, e.baseNova ?? 0) * (Math.round(effect.factor * 10) - 10)) / 10);
      parts.push(`${effect.factor}× Nova`);
    } else if (effect.kind === "bonus_nova") {
      nova += effect.nova;
      // "+100 Nova" on its own; after another effect the joining "+" says it ("2× Nova + 100 Nova")
      parts.push(`${parts.length ? "" : "+"}${effect.nova.toLocaleString("en-US")} Nova`);
    } else if (effect.kind === "cash_bonus") {
      cents += effect.cents;
      parts.push(`${money(effect.cents)} cash`);
    } else {
      offerIds.push(effect.offerId);
      parts.push("an offer unlocked");
    }
  }
  const novaLeft = limits.budgetNova === undefined ? Infinity : Math.max(0, limits.budgetNova - usage.novaSpent);
  const centsLeft = limits.budgetCents === undefined ? Infinity : Math.max(0, limits.budgetCents - usage.centsSpent);
  const budgetReached = nova > novaLeft || cents > centsLeft;
  [nova, cents] = [Math.min(nova, novaLeft), Math.min(cents, centsLeft)];
  if (nova === 0 && cents === 0 && offerIds.length === 0)
    return { ...head, applies: false, reason: budgetReached ? "the campaign's budget is used up" : "nothing to add" };
  const label = `${c.definition.name}, ${parts.join(" + ")}${budgetReached ? " (the last of its budget)" : ""}`;
  return { ...head, applies: true, award: { nova, cents, offerIds, label, budgetReached } };
}

/** The per-day limit's day: the calendar day on the campaign's wall clock. */
export const campaignDay = (c: LiveCampaign, at: Date, defaultZone: string) =>
  localDay(at, c.definition.conditions.timeZone ?? defaultZone);
