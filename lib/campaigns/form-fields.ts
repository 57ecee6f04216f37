import { z } from "zod";
import type { CampaignDefinition, CampaignDefinitionInput, CampaignEffect } from "./definition";

// The campaign form posts flat text fields (one per control, four effect slots); these turn them
// into a definition for the zod schema, and a stored definition back into the form's values.

export const EFFECT_SLOTS = 4;
const effectSlots = Array.from({ length: EFFECT_SLOTS }, (_, i) => i);
const text = z.string().max(4_000).optional();

export const campaignFormShape = {
  name: text,
  trigger: text,
  timeZone: text,
  /** The checked weekdays, "1,2,3" (0 = Sunday); all seven or none means every day. */
  days: text,
  hoursStart: text,
  hoursEnd: text,
  /** Charger ids, separated by commas or spaces. */
  chargerIds: text,
  /** "latitude, longitude, radius in metres". */
  area: text,
  partnerOnly: text,
  minKwh: text,
  segment: text,
  segmentDays: text,
  /** ISO instants (the form converts its local date-time fields). */
  startsAt: text,
  endsAt: text,
  perDriver: text,
  perDriverPerDay: text,
  budgetNova: text,
  budgetDollars: text,
  ...Object.fromEntries(
    effectSlots.flatMap((i) => [[`effect${i}Kind`, text] as const, [`effect${i}Value`, text] as const]),
  ),
} as Record<string, typeof text>;

export type CampaignFormValues = Record<string, string>;

const blank = (v: string | undefined) => (v ?? "").trim() === "";
const number = (v: string | undefined) => (blank(v) ? undefined : Number(v!.trim().replace(/,/g, "")));
/** Dollars ("12.50") to cents; anything else is NaN, which the schema names as not a number. */
const cents = (v: string | undefined) => {
  if (blank(v)) return undefined;
  const t = v!.trim().replace(/^\$/, "").replace(/,/g, "");
  return /^\d+(\.\d{1,2})?$/.test(t) ? Math.round(Number(t) * 100) : NaN;
};
const list = (v: string | undefined) => (v ?? "").split(/[\s,]+/).filter(Boolean);

function area(v: string | undefined) {
  if (blank(v)) return undefined;
  const [latitude, longitude, radiusMeters] = v!.split(",").map((p) => Number(p.trim()));
  return { latitude, longitude, radiusMeters };
}

function effect(kind: string, value: string | undefined): unknown {
  if (kind === "bonus_nova") return { kind, nova: number(value) };
  if (kind === "multiplier") return { kind, factor: number(value) };
  if (kind === "cash_bonus") return { kind, cents: cents(value) };
  if (kind === "unlock_offer") return { kind, offerId: (value ?? "").trim() };
  return { kind };
}

/** The definition the form's fields describe (unchecked: the schema judges it). */
export function definitionFromForm(f: Partial<Record<string, string | undefined>>): unknown {
  const days = list(f.days).map(Number);
  const hours = blank(f.hoursStart) && blank(f.hoursEnd) ? undefined : { start: f.hoursStart, end: f.hoursEnd };
  const chargerIds = list(f.chargerIds);
  return {
    name: f.name ?? "",
    trigger: f.trigger,
    conditions: {
      timeZone: blank(f.timeZone) ? undefined : f.timeZone!.trim(),
      days: days.length === 0 || days.length === 7 ? undefined : days,
      hours,
      chargerIds: chargerIds.length ? chargerIds : undefined,
      zone: area(f.area),
      partnerOnly: f.partnerOnly === "on" || f.partnerOnly === "true",
      minKwh: number(f.minKwh),
      segment: blank(f.segment) ? "any" : f.segment,
      segmentDays: number(f.segmentDays),
    },
    limits: {
      startsAt: blank(f.startsAt) ? undefined : f.startsAt,
      endsAt: blank(f.endsAt) ? undefined : f.endsAt,
      perDriver: number(f.perDriver),
      perDriverPerDay: number(f.perDriverPerDay),
      budgetNova: number(f.budgetNova),
      budgetCents: cents(f.budgetDollars),
    },
    effects: effectSlots
      .filter((i) => !blank(f[`effect${i}Kind`]))
      .map((i) => effect(f[`effect${i}Kind`]!, f[`effect${i}Value`])),
  } satisfies Record<keyof CampaignDefinitionInput, unknown>;
}

const effectValue = (e: CampaignEffect) =>
  e.kind === "bonus_nova"
    ? String(e.nova)
    : e.kind === "multiplier"
      ? String(e.factor)
      : e.kind === "cash_bonus"
        ? (e.cents / 100).toFixed(2)
        : e.offerId;
const opt = (n: number | undefined) => (n === undefined ? "" : String(n));

/** A stored definition as the form's values (for a revision, which starts from the current version). */
export function formFromDefinition(d: CampaignDefinition): CampaignFormValues {
  const c = d.conditions;
  const l = d.limits;
  return {
    name: d.name,
    trigger: d.trigger,
    timeZone: c.timeZone ?? "",
    days: (c.days ?? [0, 1, 2, 3, 4, 5, 6]).join(","),
    hoursStart: c.hours?.start ?? "",
    hoursEnd: c.hours?.end ?? "",
    chargerIds: (c.chargerIds ?? []).join(", "),
    area: c.zone ? `${c.zone.latitude}, ${c.zone.longitude}, ${c.zone.radiusMeters}` : "",
    partnerOnly: c.partnerOnly ? "on" : "",
    minKwh: opt(c.minKwh),
    segment: c.segment,
    segmentDays: String(c.segmentDays),
    startsAt: l.startsAt.toISOString(),
    endsAt: l.endsAt?.toISOString() ?? "",
    perDriver: opt(l.perDriver),
    perDriverPerDay: opt(l.perDriverPerDay),
    budgetNova: opt(l.budgetNova),
    budgetDollars: l.budgetCents === undefined ? "" : (l.budgetCents / 100).toFixed(2),
    ...Object.fromEntries(
      effectSlots.flatMap((i) => {
        const e = d.effects[i];
        return [
          [`effect${i}Kind`, e?.kind ?? ""],
          [`effect${i}Value`, e ? effectValue(e) : ""],
        ];
      }),
    ),
  };
}
