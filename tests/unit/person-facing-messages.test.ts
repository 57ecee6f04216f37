import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { campaignStatusInput, campaignSwitchInput, checkCampaignForm, simulateFormInput } from "@/lib/campaigns";
import { energyEventInput, eventIdInput } from "@/lib/energy-events";
import { unsubscribeTokenInput } from "@/lib/notifications";
import { parseForPerson, ZOD_WORDING } from "@/lib/validation";

// Every schema a person's input meets (each server action's, each route handler's params, query
// and body) is run here on bad input through the parse the wrappers use: no message may be zod's
// own wording ("Too small: expected string to have >=10 characters", "Invalid option: …"), and
// each must read as a sentence. The wrappers are stubbed to hand back their specs.
vi.mock("@/lib/actions", () => ({ action: (spec: unknown) => spec }));
vi.mock("@/lib/http", async (load) => ({
  ...(await load<object>()),
  route: (spec: unknown) => spec,
}));

type Spec = { input?: z.ZodType; body?: z.ZodType; query?: z.ZodType; params?: z.ZodType };
const actionFiles = import.meta.glob<Record<string, unknown>>("../../lib/actions/*/*.ts");
const routeFiles = import.meta.glob<Record<string, unknown>>("../../app/api/**/route.ts");

async function schemasOf(files: Record<string, () => Promise<Record<string, unknown>>>) {
  const found: [string, z.ZodType][] = [];
  for (const [file, load] of Object.entries(files))
    for (const [name, spec] of Object.entries(await load()))
      for (const part of ["input", "body", "query", "params"] as const) {
        const schema = (spec as Spec | null)?.[part];
        if (schema && typeof schema === "object" && "safeParse" in schema)
          found.push([`${file.replace(/^(\.\.\/)+/, "")} ${name}.${part}`, schema]);
      }
  return found;
}

const long = "x".repeat(5_000);
/** What a form field can carry (strings, or nothing), and what a JSON body can carry besides. */
const FORM_VALUES = [undefined, "", " ", "abc", "-1", "0", "1.5", "1e3", "99999999999999", "2026-13-45", long];
const JSON_VALUES = [...FORM_VALUES, null, -1, 0, 1.5, 1e12, true, [], {}, [long], { a: 1 }];

function messagesFor(schema: z.ZodType, values: unknown[]) {
  const keys = "shape" in schema ? Object.keys((schema as unknown as z.ZodObject).shape) : [];
  const out = new Set<string>();
  const tries: unknown[] = [undefined, null, "x", ...values.map((v) => Object.fromEntries(keys.map((k) => [k, v])))];
  for (const raw of tries) {
    const parsed = parseForPerson(schema, raw);
    if (!parsed.success) for (const issue of parsed.error.issues) out.add(issue.message);
  }
  return [...out];
}

const SENTENCE = /^[A-Z0-9“"$].*[.!?)]$/s;

describe("messages a person may read", () => {
  it("every server action's input schema answers bad input in sentences, never zod's wording", async () => {
    const schemas = await schemasOf(actionFiles);
    expect(schemas.length).toBeGreaterThan(60);
    const bad = schemas.flatMap(([where, schema]) =>
      messagesFor(schema, FORM_VALUES)
        .filter((m) => ZOD_WORDING.test(m) || !SENTENCE.test(m))
        .map((m) => `${where}: ${m}`),
    );
    expect(bad).toEqual([]);
  }, 60_000);

  it("every route handler's params, query and body schema does too", async () => {
    const schemas = await schemasOf(routeFiles);
    expect(schemas.length).toBeGreaterThan(10);
    const bad = schemas.flatMap(([where, schema]) =>
      messagesFor(schema, JSON_VALUES)
        .filter((m) => ZOD_WORDING.test(m) || !SENTENCE.test(m))
        .map((m) => `${where}: ${m}`),
    );
    expect(bad).toEqual([]);
  }, 60_000);
});

describe("issue 16's schemas carry their own sentences (without the wrappers' floor)", () => {
  const first = (schema: z.ZodType, raw: unknown) => schema.safeParse(raw).error?.issues[0]?.message;

  it("answers the hostile probe's inputs in the field's words", () => {
    expect(first(unsubscribeTokenInput, "abc")).toBe(
      "This unsubscribe link is incomplete. Open it straight from the email.",
    );
    expect(first(campaignSwitchInput, { campaignId: "c1", enabled: "maybe" })).toBe(
      "Choose to switch the campaign on or off.",
    );
    expect(first(campaignSwitchInput, { campaignId: "", enabled: "true" })).toBe(
      "That campaign was not found. Reload the page and try again.",
    );
    expect(first(campaignStatusInput, { campaignId: "c1", status: "DELETED" })).toBe("Choose launch, pause or end.");
    expect(first(eventIdInput, "")).toBe("That event was not found. Reload the page and try again.");
    expect(first(simulateFormInput, { source: "stored", replayDays: "30", version: "x" })).toBe(
      "That version was not found.",
    );
  });

  it("a union speaks with the branch that took the input's type: its own sentence, else a general one", () => {
    const said = (schema: z.ZodType, raw: unknown) => parseForPerson(schema, raw).error?.issues[0]?.message;
    const amount = z.union([z.number(), z.string().regex(/^\d+$/, "Give digits only, such as 12.")]);
    expect(said(amount, "12a")).toBe("Give digits only, such as 12.");
    expect(said(amount, true)).toBe("This is not one of the accepted choices.");
    // a branch refusing in zod's own words never speaks for the union
    expect(said(z.union([z.number(), z.string().min(3)]), "ab")).toBe("Enter at least 3 characters.");
  });

  it("every issue-16 schema's refusals are free of zod's wording", () => {
    const cases: [z.ZodType, unknown][] = [
      [unsubscribeTokenInput, "abc"],
      [unsubscribeTokenInput, undefined],
      [unsubscribeTokenInput, "x".repeat(400)],
      [campaignSwitchInput, {}],
      [campaignStatusInput, {}],
      [eventIdInput, undefined],
      [energyEventInput, {}],
      [energyEventInput, { name: "Grid", amount: "abc", minKwh: "abc", budgetNova: "abc", date: 5 }],
      [simulateFormInput, { source: "x", replayDays: "abc", version: "-1" }],
    ];
    const messages = cases.flatMap(([schema, raw]) => schema.safeParse(raw).error?.issues.map((i) => i.message) ?? []);
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => ZOD_WORDING.test(m))).toEqual([]);
  });

  it("the campaign form tells the area's parts and every cash limit in the unit it takes", () => {
    const form = {
      name: "Probe",
      trigger: "session_verified",
      startsAt: "2026-12-01T00:00:00Z",
      effect0Kind: "bonus_nova",
      effect0Value: "10",
    };
    const fields = (over: Record<string, string>) => {
      const checked = checkCampaignForm({ ...form, ...over });
      return checked.ok ? {} : checked.fields;
    };
    expect(fields({ area: "91, 0, 500" }).area).toBe("Area: the latitude must be from -90 to 90 (the first number).");
    expect(fields({ area: "30, 181, 500" }).area).toBe(
      "Area: the longitude must be from -180 to 180 (the second number).",
    );
    expect(fields({ area: "30, -97, 10" }).area).toBe(
      "Area: the radius must be a whole number of metres from 50 to 50,000 (the third number).",
    );
    expect(fields({ area: "somewhere" }).area).toBe(
      "Area: enter a latitude, a longitude and a radius in metres, such as 30.3029, -97.7062, 500.",
    );
    expect(fields({ budgetDollars: "5000000" }).budgetDollars).toBe("Cash budget must be at most $1,000,000.00.");
    expect(fields({ budgetDollars: "99999999999999" }).budgetDollars).toBe(
      "Cash budget must be at most $1,000,000.00.",
    );
    expect(fields({ budgetDollars: "0" }).budgetDollars).toBe("Cash budget must be at least $0.01.");
    expect(fields({ budgetDollars: "12.345" }).budgetDollars).toBe(
      "Cash budget: cents take at most two decimals, such as 12.50.",
    );
    expect(fields({ effect0Kind: "cash_bonus", effect0Value: "150" }).effect0).toBe(
      "Effect 1 must be at most $100.00.",
    );
    expect(fields({ effect0Kind: "cash_bonus", effect0Value: "0" }).effect0).toBe("Effect 1 must be at least $0.01.");
    expect(fields({ minKwh: "0" }).minKwh).toBe("Minimum energy must be more than 0.");
    const all = Object.values({
      ...fields({ area: "91, 0, 500", budgetDollars: "5000000", minKwh: "0" }),
      ...fields({ effect0Kind: "cash_bonus", effect0Value: "150" }),
    });
    expect(all.filter((m) => /cents|\b\d{5,}\b/.test(m) || ZOD_WORDING.test(m))).toEqual([]);
  });
});
