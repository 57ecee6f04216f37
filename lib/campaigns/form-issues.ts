import type { z } from "zod";
import { BUDGET_CENTS_MAX, CASH_BONUS_CENTS_MAX, campaignDefinition, type CampaignDefinition } from "./definition";
import { definitionFromForm, EFFECT_SLOTS } from "./form-fields";

// The schema's complaints as sentences under the form's own fields ("Nova budget must be at least 1.").

const LABELS: Record<string, string> = {
  name: "Name",
  trigger: "Trigger",
  timeZone: "Time zone",
  days: "Days",
  hoursStart: "Start time",
  hoursEnd: "End time",
  chargerIds: "Chargers",
  area: "Area",
  partnerOnly: "Partner only",
  minKwh: "Minimum energy",
  segment: "Drivers",
  segmentDays: "Segment days",
  startsAt: "Start",
  endsAt: "End",
  perDriver: "Limit per driver",
  perDriverPerDay: "Limit per driver per day",
  budgetNova: "Nova budget",
  budgetDollars: "Cash budget",
  effects: "Effects",
};
/** The schema's fragments that read better rewritten whole. */
const REWRITES: Record<string, string> = {
  "must end after it starts": "The end must come after the start.",
  "start and end must differ": "The start and end times must differ.",
};
const CONDITION_FIELDS: Record<string, string> = { zone: "area", hours: "hoursEnd" };

/** The form field a schema path belongs to. */
export function fieldOf(path: readonly PropertyKey[]): string {
  const [head, key, sub] = path.map(String);
  if (head === "conditions" && key === "hours" && (sub === "start" || sub === "end"))
    return sub === "start" ? "hoursStart" : "hoursEnd";
  if (head === "conditions" && key) return CONDITION_FIELDS[key] ?? key;
  if (head === "limits" && key) return key === "budgetCents" ? "budgetDollars" : key;
  if (head === "effects") return key === undefined ? "effects" : `effect${key}`;
  return head ?? "form";
}

/** The area field is three numbers in one box: each part's range, said of that part. */
const AREA_PARTS: Record<string, string> = {
  latitude: "Area: the latitude must be from -90 to 90 (the first number).",
  longitude: "Area: the longitude must be from -180 to 180 (the second number).",
  radiusMeters: "Area: the radius must be a whole number of metres from 50 to 50,000 (the third number).",
};
const AREA_FORMAT = "Area: enter a latitude, a longitude and a radius in metres, such as 30.3029, -97.7062, 500.";

/** Money fields take dollars and the schema counts cents: its limits are told in dollars. */
const dollars = (cents: unknown) =>
  `$${(Number(cents) / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const isMoney = (field: string, issue: z.core.$ZodIssue) => field === "budgetDollars" || issue.path.at(-1) === "cents";

function areaSentence(issue: z.core.$ZodIssue): string {
  const part = String(issue.path.at(-1));
  const numeric =
    issue.code === "too_small" ||
    issue.code === "too_big" ||
    (issue.code === "invalid_type" && issue.expected === "int");
  return numeric && AREA_PARTS[part] ? AREA_PARTS[part] : AREA_FORMAT;
}

const labelOf = (field: string) => {
  const slot = /^effect(\d)$/.exec(field);
  return slot ? `Effect ${Number(slot[1]) + 1}` : (LABELS[field] ?? "This field");
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * What the form's money text fails on, said of it (the schema only sees "not a number"): blank,
 * not more than zero, more than two decimals, or not dollars and cents at all.
 */
function moneyTextSentence(label: string, typed: string): string {
  const t = typed.trim().replace(/^\$/, "").replace(/,/g, "");
  if (t === "") return `${label}: enter an amount.`;
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t) && Number(t) <= 0) return `${label} must be more than zero.`;
  if (/^\d*\.\d{3,}$/.test(t)) return `${label}: cents take at most two decimals, such as 12.50.`;
  return `${label}: enter dollars and cents, such as 12.50.`;
}

/** One issue as a sentence that names the field; `typed` is the form's text for it, when from a form. */
export function sentenceFor(field: string, issue: z.core.$ZodIssue, typed?: string): string {
  const label = labelOf(field);
  if (field === "area" && issue.path.length > 2) return areaSentence(issue);
  const limit = (n: unknown, side: "least" | "most") => {
    if (issue.code !== "too_small" && issue.code !== "too_big") return "";
    if (issue.origin === "string") return `${label} must be at ${side} ${n} characters.`;
    if (issue.origin === "array") return `${label}: choose at ${side} ${n}.`;
    // a money field's limit in dollars; past the largest safe integer the int check speaks, not the field's cap
    if (isMoney(field, issue))
      return side === "most"
        ? `${label} must be at most ${dollars(field === "budgetDollars" ? BUDGET_CENTS_MAX : CASH_BONUS_CENTS_MAX)}.`
        : `${label} must be at least ${dollars(n)}.`;
    if (issue.inclusive === false) return `${label} must be ${side === "least" ? "more" : "less"} than ${n}.`;
    return `${label} must be at ${side} ${Number(n).toLocaleString("en-US")}.`;
  };
  switch (issue.code) {
    case "invalid_type":
      if (typed !== undefined && isMoney(field, issue)) return moneyTextSentence(label, typed);
      if (field.startsWith("effect") && (typed === undefined || typed.trim() === ""))
        return `${label}: enter an amount.`;
      if (isMoney(field, issue)) return `${label}: enter dollars and cents, such as 12.50.`;
      if (issue.expected === "date")
        return field === "startsAt" ? "Choose when the campaign starts." : `${label} is not a date.`;
      if (issue.expected === "int") return `${label} must be a whole number.`;
      if (issue.expected === "number") return `${label} must be a number.`;
      return issue.input === undefined || issue.input === "" ? `${label} is required.` : `${label} is not valid.`;
    case "too_small":
      if (field === "effects") return "Add at least one effect.";
      return limit(issue.minimum, "least");
    case "too_big":
      return limit(issue.maximum, "most");
    case "invalid_value":
      return `Choose one of the offered ${label.toLowerCase()} options.`;
    case "invalid_union":
      return `${label}: choose what it gives.`;
    case "unrecognized_keys":
      return `${label} has fields this form does not know.`;
    default: {
      const m = issue.message;
      if (REWRITES[m]) return REWRITES[m];
      if (/^an? /.test(m)) return `${label} must be ${m}.`;
      if (/^must /.test(m)) return `${label} ${m}.`;
      return `${label}: ${m}.`;
    }
  }
}

export type CheckedForm = { ok: true; definition: CampaignDefinition } | { ok: false; fields: Record<string, string> };

type FormValues = Partial<Record<string, string | undefined>>;

/**
 * The form field an issue belongs to, and the text typed there. The definition's effects skip the
 * empty slots, so its effect n is the form's nth filled slot.
 */
function formFieldOf(f: FormValues, path: readonly PropertyKey[]): { field: string; typed?: string } {
  const field = fieldOf(path);
  if (field === "budgetDollars") return { field, typed: f.budgetDollars ?? "" };
  const effect = /^effect(\d+)$/.exec(field);
  if (!effect) return { field };
  const filled = Array.from({ length: EFFECT_SLOTS }, (_, i) => i).filter((i) => (f[`effect${i}Kind`] ?? "").trim());
  const slot = filled[Number(effect[1])] ?? Number(effect[1]);
  return { field: `effect${slot}`, typed: f[`effect${slot}Value`] ?? "" };
}

/** The form's fields as a definition, or a sentence for each field that is wrong (the first per field). */
export function checkCampaignForm(f: FormValues): CheckedForm {
  const parsed = campaignDefinition.safeParse(definitionFromForm(f));
  if (parsed.success) return { ok: true, definition: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const { field, typed } = formFieldOf(f, issue.path);
    fields[field] ??= capital(sentenceFor(field, issue, typed));
  }
  return { ok: false, fields };
}

/**
 * A form schema that also checks the definition its fields make, each problem under its field
 * (the action helper turns issues into `error.fields` by their first path segment).
 */
export function withDefinitionCheck<S extends z.ZodObject>(
  schema: S,
  when: (values: Record<string, unknown>) => boolean = () => true,
): S {
  return schema.superRefine((values, ctx) => {
    if (!when(values as Record<string, unknown>)) return;
    const checked = checkCampaignForm(values as Record<string, string | undefined>);
    if (checked.ok) return;
    for (const [field, message] of Object.entries(checked.fields))
      ctx.addIssue({ code: "custom", path: [field], message });
  }) as S;
}
