import type { CampaignDefinition, CampaignEffect, Trigger } from "./definition";

// A campaign's rules in words, for the console: what starts it, when and where it counts, what
// limits it, and what it gives.

export const TRIGGER_WORDS: Record<Trigger, string> = {
  session_verified: "A charging session is verified",
  first_charge: "A driver’s first charging session is verified",
  purchase_verified: "A purchase at a partner is verified",
  redemption_confirmed: "An offer is redeemed at a partner",
  sign_up: "A driver signs up",
  energy_event: "A driver’s energy event result is paid",
};
const DAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const whole = (n: number) => n.toLocaleString("en-US");
const dollars = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const day = (d: Date, zone: string) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: zone }).format(d);
const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${whole(n)} times`);

export function describeEffect(e: CampaignEffect, offerTitle?: (id: string) => string | undefined): string {
  if (e.kind === "bonus_nova") return `${whole(e.nova)} bonus Nova`;
  if (e.kind === "multiplier") return `${e.factor}× the Nova the session earns`;
  if (e.kind === "cash_bonus") return `${dollars(e.cents)} cash bonus`;
  const title = offerTitle?.(e.offerId);
  return title ? `unlocks the offer “${title}”` : `unlocks offer ${e.offerId}`;
}

export type CampaignWords = { when: string; conditions: string[]; limits: string[]; effects: string[] };

/** The definition as short sentences; times read on the campaign's zone (or the business zone). */
export function describeCampaign(
  d: CampaignDefinition,
  businessZone: string,
  offerTitle?: (id: string) => string | undefined,
): CampaignWords {
  const c = d.conditions;
  const l = d.limits;
  const zone = c.timeZone ?? businessZone;
  const conditions: string[] = [];
  if (c.days) conditions.push(`On ${c.days.map((n) => DAY_NAMES[n]).join(", ")}`);
  if (c.hours) {
    const wraps = c.hours.start > c.hours.end ? " (past midnight: the window belongs to the day it starts)" : "";
    conditions.push(`Between ${c.hours.start} and ${c.hours.end}, ${zone} time${wraps}`);
  }
  if (c.chargerIds)
    conditions.push(`Only at ${c.chargerIds.length === 1 ? "one charger" : `${c.chargerIds.length} chargers`}`);
  if (c.zone) conditions.push(`Within ${whole(c.zone.radiusMeters)} m of ${c.zone.latitude}, ${c.zone.longitude}`);
  if (c.partnerOnly) conditions.push("Only at partners");
  if (c.minKwh !== undefined) conditions.push(`At least ${c.minKwh} kWh`);
  if (c.segment === "new") conditions.push(`New drivers: signed up within ${c.segmentDays} days`);
  if (c.segment === "lapsed") conditions.push(`Lapsed drivers: charged before, but not within ${c.segmentDays} days`);
  const limits = [`From ${day(l.startsAt, zone)}${l.endsAt ? ` until ${day(l.endsAt, zone)}` : ", with no end date"}`];
  if (l.perDriver !== undefined) limits.push(`Each driver at most ${times(l.perDriver)}`);
  if (l.perDriverPerDay !== undefined) limits.push(`Each driver at most ${times(l.perDriverPerDay)} a day`);
  if (l.budgetNova !== undefined) limits.push(`Budget ${whole(l.budgetNova)} Nova`);
  if (l.budgetCents !== undefined) limits.push(`Budget ${dollars(l.budgetCents)} cash`);
  return {
    when: TRIGGER_WORDS[d.trigger],
    conditions: conditions.length ? conditions : ["Any time, anywhere, any driver"],
    limits,
    effects: d.effects.map((e) => describeEffect(e, offerTitle)),
  };
}
