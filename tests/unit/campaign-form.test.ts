import { describe, expect, it } from "vitest";
import {
  campaignDefinition,
  checkCampaignForm,
  definitionFromForm,
  describeCampaign,
  formFromDefinition,
  simulateFormInput,
} from "@/lib/campaigns";

const ZONE = "America/Chicago";
const nightOwl = campaignDefinition.parse({
  name: "Night owl bonus",
  trigger: "session_verified",
  conditions: { hours: { start: "23:00", end: "05:00" }, days: [5, 6], partnerOnly: true, minKwh: 10 },
  limits: { startsAt: "2026-11-01T06:00:00Z", perDriverPerDay: 1, budgetNova: 50_000, budgetCents: 12_550 },
  effects: [
    { kind: "multiplier", factor: 2 },
    { kind: "cash_bonus", cents: 150 },
  ],
});
const valid = { ...formFromDefinition(nightOwl) };
const errorsOf = (over: Record<string, string>) => {
  const checked = checkCampaignForm({ ...valid, ...over });
  if (checked.ok) throw new Error("expected the form to be refused");
  return checked.fields;
};

describe("the campaign form's fields", () => {
  it("turn a stored definition into fields and back into the same definition", () => {
    expect(checkCampaignForm(valid)).toEqual({ ok: true, definition: nightOwl });
    expect(valid).toMatchObject({
      days: "5,6",
      budgetDollars: "125.50",
      effect1Kind: "cash_bonus",
      effect1Value: "1.50",
    });
  });

  it("read no days or all seven as every day, blank optional numbers as unset, and skip empty effect slots", () => {
    const d = definitionFromForm({ ...valid, days: "0,1,2,3,4,5,6", minKwh: " ", effect0Kind: "", effect0Value: "" });
    expect(d).toMatchObject({
      conditions: { days: undefined, minKwh: undefined },
      effects: [{ kind: "cash_bonus", cents: 150 }],
    });
  });

  it("name each mistake under its own field, in a sentence", () => {
    expect(
      errorsOf({
        name: "x",
        hoursStart: "25:00",
        budgetDollars: "12.345",
        budgetNova: "1.5",
        perDriver: "0",
        timeZone: "Mars/Olympus",
        effect0Value: "2.25",
      }),
    ).toEqual({
      name: "Name must be at least 3 characters.",
      hoursStart: "Start time must be a time such as 01:00 or 17:30.",
      budgetDollars: "Cash budget: cents take at most two decimals, such as 12.50.",
      budgetNova: "Nova budget must be a whole number.",
      perDriver: "Limit per driver must be at least 1.",
      timeZone: "Time zone must be an IANA time zone such as America/Chicago.",
      effect0: "Effect 1 must be a factor in tenths, such as 1.5 or 2.",
    });
    expect(errorsOf({ startsAt: "" })).toEqual({ startsAt: "Choose when the campaign starts." });
    expect(errorsOf({ endsAt: "2026-10-01T00:00:00Z" })).toEqual({ endsAt: "The end must come after the start." });
    expect(errorsOf({ hoursStart: "05:00" })).toEqual({ hoursEnd: "The start and end times must differ." });
  });

  it("say what is wrong with a cash amount: blank, not a number, not more than zero, or past the cents", () => {
    const cash = (text: string) => errorsOf({ effect1Value: text, budgetDollars: text });
    expect(cash("0.001")).toEqual({
      effect1: "Effect 2: cents take at most two decimals, such as 12.50.",
      budgetDollars: "Cash budget: cents take at most two decimals, such as 12.50.",
    });
    for (const notMore of ["-1", "$-1", "-0.001"])
      expect(cash(notMore)).toEqual({
        effect1: "Effect 2 must be more than zero.",
        budgetDollars: "Cash budget must be more than zero.",
      });
    expect(cash("1.5.5")).toEqual({
      effect1: "Effect 2: enter dollars and cents, such as 12.50.",
      budgetDollars: "Cash budget: enter dollars and cents, such as 12.50.",
    });
    expect(errorsOf({ effect1Value: " " })).toEqual({ effect1: "Effect 2: enter an amount." });
    expect(errorsOf({ effect0Kind: "bonus_nova", effect0Value: "lots" })).toEqual({
      effect0: "Effect 1 must be a number.",
    });
  });

  it("put an effect's problem under its own slot when a slot before it is empty", () => {
    expect(errorsOf({ effect0Kind: "", effect1Value: "-1" })).toEqual({ effect1: "Effect 2 must be more than zero." });
  });

  it("explain what a trigger cannot have, and that an effect is needed", () => {
    expect(errorsOf({ trigger: "purchase_verified" })).toEqual({
      minKwh: "Minimum energy: only charging triggers have energy.",
      effect0: "Effect 1: only charging triggers have base Nova to multiply.",
    });
    expect(errorsOf({ effect0Kind: "", effect1Kind: "" })).toEqual({ effects: "Add at least one effect." });
    expect(errorsOf({ trigger: "nonsense" })).toEqual({ trigger: "Choose one of the offered trigger options." });
  });

  it("check the draft a simulation replays, and not a stored version's empty form", () => {
    const draft = simulateFormInput.safeParse({ ...valid, name: "", source: "draft", replayDays: "30" });
    expect(draft.success).toBe(false);
    expect(draft.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["name", "Name must be at least 3 characters."],
    ]);
    expect(simulateFormInput.safeParse({ source: "stored", replayDays: "30", campaignId: "c1" }).success).toBe(true);
    expect(
      simulateFormInput.safeParse({ source: "stored", replayDays: "91", campaignId: "c1" }).error?.issues[0].message,
    ).toBe("Replay at most 90 days.");
  });
});

describe("a campaign in words", () => {
  it("says what starts it, when and where it counts, its limits and what it gives", () => {
    expect(describeCampaign(nightOwl, ZONE)).toEqual({
      when: "A charging session is verified",
      conditions: [
        "On Friday, Saturday",
        "Between 23:00 and 05:00, America/Chicago time (past midnight: the window belongs to the day it starts)",
        "Only at partners",
        "At least 10 kWh",
      ],
      limits: [
        "From Nov 1, 2026, 1:00 AM, with no end date",
        "Each driver at most once a day",
        "Budget 50,000 Nova",
        "Budget $125.50 cash",
      ],
      effects: ["2× the Nova the session earns", "$1.50 cash bonus"],
    });
  });
});
