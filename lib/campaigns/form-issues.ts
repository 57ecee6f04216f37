import type { z } from "zod";
import { campaignDefinition, type CampaignDefinition } from "./definition";
import { definitionFromForm } from "./form-fields";

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

const labelOf = (field: string) => {
  const slot = /^effect(\d)$/.exec(field);
  return slot ? `Effect ${Number(slot[1]) + 1}` : (LABELS[field] ?? "This field");
};
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One issue as a sentence that names the field. */
export function sentenceFor(field: string, issue: z.core.$ZodIssue): string {
  const label = labelOf(field);
  const limit = (n: unknown, side: "least" | "most") =>
    issue.code === "too_small" || issue.code === "too_big"
      ? issue.origin === "string"
        ? `${label} must be at ${side} ${n} characters.`
        : issue.origin === "array"
          ? `${label}: choose at ${side} ${n}.`
          : `${label} must be at ${side} ${Number(n).toLocaleString("en-US")}.`
      : "";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined && field.startsWith("effect")) return `${label}: enter an amount.`;
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

/** The form's fields as a definition, or a sentence for each field that is wrong (the first per field). */
export function checkCampaignForm(f: Partial<Record<string, string | undefined>>): CheckedForm {
  const parsed = campaignDefinition.safeParse(definitionFromForm(f));
  if (parsed.success) return { ok: true, definition: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = fieldOf(issue.path);
    fields[field] ??= capital(sentenceFor(field, issue));
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
