import { z } from "zod";

// A campaign as data: trigger → conditions → limits → effects (the shape loyalty platforms use).
// Stored as JSON on an immutable version row; this schema is the only way in.

export const TRIGGERS = [
  "session_verified",
  "first_charge",
  "purchase_verified",
  "redemption_confirmed",
  "sign_up",
  // an energy event's verified result (lib/energy-events): its kWh and the event's own Nova as the base
  "energy_event",
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** Triggers that happen somewhere (a charger or a shop) and can be limited to a place. */
const PLACED: ReadonlySet<Trigger> = new Set([
  "session_verified",
  "first_charge",
  "purchase_verified",
  "redemption_confirmed",
]);
/** Triggers with energy and a base Nova reward (minimum kWh and multipliers apply to them). */
const CHARGING: ReadonlySet<Trigger> = new Set(["session_verified", "first_charge", "energy_event"]);

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "a time such as 01:00 or 17:30");
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max);
/** The cash limits, in cents (the form takes dollars: form-issues.ts tells these in dollars). */
export const BUDGET_CENTS_MAX = 100_000_000;
export const CASH_BONUS_CENTS_MAX = 10_000;

export const campaignConditions = z
  .object({
    /** Days and hours are read on this zone's wall clock (DST included); default: the business time zone. */
    timeZone: z.string().refine(validZone, "an IANA time zone such as America/Chicago").optional(),
    /** Local weekdays, 0 = Sunday. A window past midnight belongs to the day it starts. */
    days: z.array(wholeNumber(0, 6)).min(1).max(7).optional(),
    /** Local hours [start, end); may wrap midnight (23:00–05:00). */
    hours: z
      .object({ start: clock, end: clock })
      .refine((h) => h.start !== h.end, "start and end must differ")
      .optional(),
    chargerIds: z.array(z.string().min(1).max(64)).min(1).max(200).optional(),
    zone: z
      .object({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        radiusMeters: wholeNumber(50, 50_000),
      })
      .optional(),
    partnerOnly: z.boolean().default(false),
    minKwh: z.number().positive().max(1_000).optional(),
    /** new: signed up within segmentDays; lapsed: charged before, but not within segmentDays. */
    segment: z.enum(["any", "new", "lapsed"]).default("any"),
    segmentDays: wholeNumber(1, 365).default(30),
  })
  .strict();

export const campaignLimits = z
  .object({
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date().optional(),
    perDriver: wholeNumber(1, 10_000).optional(),
    perDriverPerDay: wholeNumber(1, 100).optional(),
    budgetNova: wholeNumber(1, 100_000_000).optional(),
    budgetCents: wholeNumber(1, BUDGET_CENTS_MAX).optional(),
  })
  .strict()
  .refine((l) => !l.endsAt || l.endsAt > l.startsAt, { message: "must end after it starts", path: ["endsAt"] });

export const campaignEffect = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bonus_nova"), nova: wholeNumber(1, 100_000) }).strict(),
  /** Extra Nova: the trigger's base Nova × (factor − 1), rounded down. */
  z
    .object({ kind: z.literal("multiplier"), factor: z.number().min(1.1).max(10) })
    .strict()
    .refine((e) => Number.isInteger(Math.round(e.factor * 1e6) / 1e5), "a factor in tenths, such as 1.5 or 2"),
  z.object({ kind: z.literal("cash_bonus"), cents: wholeNumber(1, CASH_BONUS_CENTS_MAX) }).strict(),
  z.object({ kind: z.literal("unlock_offer"), offerId: z.string().min(1).max(64) }).strict(),
]);
export type CampaignEffect = z.infer<typeof campaignEffect>;

export const campaignDefinition = z
  .object({
    name: z.string().trim().min(3).max(60),
    trigger: z.enum(TRIGGERS),
    conditions: campaignConditions.default({ partnerOnly: false, segment: "any", segmentDays: 30 }),
    limits: campaignLimits,
    effects: z.array(campaignEffect).min(1).max(4),
  })
  .strict()
  .superRefine((d, ctx) => {
    const c = d.conditions;
    const refuse = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
    if (!PLACED.has(d.trigger))
      for (const key of ["chargerIds", "zone", "partnerOnly"] as const)
        if (key === "partnerOnly" ? c.partnerOnly : c[key] !== undefined)
          refuse(
            ["conditions", key],
            `${d.trigger === "sign_up" ? "a sign-up" : "an energy event result"} happens nowhere: no place conditions`,
          );
    if (!CHARGING.has(d.trigger)) {
      if (c.minKwh !== undefined) refuse(["conditions", "minKwh"], "only charging triggers have energy");
      d.effects.forEach((e, i) => {
        if (e.kind === "multiplier") refuse(["effects", i], "only charging triggers have base Nova to multiply");
      });
    }
    if (d.effects.filter((e) => e.kind === "multiplier").length > 1) refuse(["effects"], "one multiplier per campaign");
  });
export type CampaignDefinition = z.infer<typeof campaignDefinition>;
export type CampaignDefinitionInput = z.input<typeof campaignDefinition>;
