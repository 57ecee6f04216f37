import { describe, expect, it } from "vitest";
import {
  campaignDefinition,
  evaluateCampaign,
  inWindow,
  NO_USAGE,
  type CampaignDefinitionInput,
  type DriverFacts,
  type LiveCampaign,
  type TriggerEvent,
} from "@/lib/campaigns";

const ZONE = "America/Chicago";
const at = (iso: string) => new Date(iso);
const campaign = (over: Partial<CampaignDefinitionInput> = {}, merchantId: string | null = null): LiveCampaign => ({
  id: "camp_1",
  version: 3,
  merchantId,
  definition: campaignDefinition.parse({
    name: "Night owl bonus",
    trigger: "session_verified",
    limits: { startsAt: "2026-01-01T00:00:00Z" },
    effects: [{ kind: "multiplier", factor: 2 }],
    ...over,
  }),
});
const session = (over: Partial<TriggerEvent> = {}): TriggerEvent => ({
  trigger: "session_verified",
  id: "sess_1",
  driverId: "drv_1",
  occurredAt: at("2026-06-10T08:00:00Z"), // 03:00 in Austin (CDT)
  place: { chargerId: "ch_1", latitude: 30.2672, longitude: -97.7431, isPartner: true },
  kwh: 30,
  baseNova: 300,
  ...over,
});
const veteran: DriverFacts = { signedUpAt: at("2025-01-01T00:00:00Z"), lastChargeAt: at("2026-06-09T00:00:00Z") };
const run = (c: LiveCampaign, e = session(), d = veteran, usage = NO_USAGE) => evaluateCampaign(c, e, d, usage, ZONE);
const paid = (c: LiveCampaign, e?: TriggerEvent, d?: DriverFacts, usage = NO_USAGE) => {
  const r = run(c, e, d, usage);
  return r.applies ? { nova: r.award.nova, cents: r.award.cents, offers: r.award.offerIds } : r.reason;
};

describe("triggers", () => {
  it.each([
    ["session_verified", "session_verified", true],
    ["session_verified", "first_charge", false],
    ["first_charge", "first_charge", true],
    ["purchase_verified", "purchase_verified", true],
    ["redemption_confirmed", "purchase_verified", false],
    ["sign_up", "sign_up", true],
  ] as const)("a %s campaign and a %s trigger: applies %s", (trigger, happened, applies) => {
    const c = campaign({ trigger, effects: [{ kind: "bonus_nova", nova: 50 }] });
    expect(
      run(c, session({ trigger: happened, place: trigger === "sign_up" ? undefined : session().place })).applies,
    ).toBe(applies);
  });
});

describe("off-peak hours on the local wall clock", () => {
  const offPeak = { hours: { start: "01:00", end: "05:00" } };
  it.each([
    // plain summer night (CDT, UTC−5)
    ["2026-06-10T06:00:00Z", true, "01:00 CDT, the window's first minute"],
    ["2026-06-10T09:59:00Z", true, "04:59 CDT"],
    ["2026-06-10T10:00:00Z", false, "05:00 CDT, the end is not included"],
    ["2026-06-10T05:59:00Z", false, "00:59 CDT"],
    // spring forward, 2026-03-08: 02:00 CST becomes 03:00 CDT
    ["2026-03-08T07:30:00Z", true, "01:30 CST"],
    ["2026-03-08T08:30:00Z", true, "03:30 CDT (02:xx never happened)"],
    ["2026-03-08T10:30:00Z", false, "05:30 CDT — a fixed UTC−6 offset would say 04:30"],
    // fall back, 2026-11-01: 02:00 CDT becomes 01:00 CST, so 01:xx happens twice
    ["2026-11-01T06:30:00Z", true, "the first 01:30 (CDT)"],
    ["2026-11-01T07:30:00Z", true, "the second 01:30 (CST)"],
    ["2026-11-01T05:30:00Z", false, "00:30 CDT"],
    ["2026-11-01T11:00:00Z", false, "05:00 CST"],
  ])("%s → %s (%s)", (iso, inside) => {
    expect(run(campaign({ conditions: offPeak }), session({ occurredAt: at(iso) })).applies).toBe(inside);
  });

  it("reads another zone when the campaign names one (London's own DST dates)", () => {
    const london = campaign({ conditions: { ...offPeak, timeZone: "Europe/London" } });
    // 2026-03-29 01:00 GMT → 02:00 BST; 04:30 BST is 03:30 UTC
    expect(run(london, session({ occurredAt: at("2026-03-29T03:30:00Z") })).applies).toBe(true);
    expect(run(london, session({ occurredAt: at("2026-03-29T04:30:00Z") })).applies).toBe(false);
  });

  it("a window past midnight belongs to the day it starts", () => {
    const friday = { days: [5], hours: { start: "23:00", end: "05:00" } };
    expect(inWindow(at("2026-06-13T04:00:00Z"), ZONE, friday)).toBe(true); // Fri 23:00
    expect(inWindow(at("2026-06-13T07:00:00Z"), ZONE, friday)).toBe(true); // Sat 02:00, Friday's night
    expect(inWindow(at("2026-06-12T07:00:00Z"), ZONE, friday)).toBe(false); // Fri 02:00, Thursday's night
    expect(inWindow(at("2026-06-13T15:00:00Z"), ZONE, friday)).toBe(false); // Sat 10:00
    expect(run(campaign({ conditions: friday }), session({ occurredAt: at("2026-06-12T07:00:00Z") }))).toMatchObject({
      applies: false,
      reason: "outside Fri 23:00–05:00 (America/Chicago)",
    });
  });

  it("days alone use the local date, not UTC's", () => {
    // Sunday 2026-06-14 20:00 in Austin is already Monday in UTC
    expect(
      run(campaign({ conditions: { days: [0] } }), session({ occurredAt: at("2026-06-15T01:00:00Z") })).applies,
    ).toBe(true);
  });
});

describe("place, energy and driver conditions", () => {
  it.each<[CampaignDefinitionInput["conditions"], Partial<TriggerEvent>, true | string]>([
    [{ chargerIds: ["ch_1", "ch_9"] }, {}, true],
    [{ chargerIds: ["ch_9"] }, {}, "at a charger the campaign does not cover"],
    [{ zone: { latitude: 30.27, longitude: -97.74, radiusMeters: 1_000 } }, {}, true],
    [{ zone: { latitude: 30.4, longitude: -97.74, radiusMeters: 1_000 } }, {}, "outside the campaign's area"],
    [{ partnerOnly: true }, {}, true],
    [{ partnerOnly: true }, { place: { ...session().place!, isPartner: false } }, "not at a partner"],
    [{ minKwh: 30 }, {}, true],
    [{ minKwh: 30.1 }, {}, "under 30.1 kWh"],
    [{ minKwh: 5 }, { kwh: null }, "under 5 kWh"],
  ])("%j with %j → %s", (conditions, event, expected) => {
    const r = run(campaign({ conditions }), session(event));
    expect(r.applies ? true : r.reason).toBe(expected);
  });

  const joined = (iso: string, last: string | null): DriverFacts => ({
    signedUpAt: at(iso),
    lastChargeAt: last ? at(last) : null,
  });
  it.each([
    ["new", joined("2026-06-01T00:00:00Z", null), true],
    ["new", joined("2026-04-01T00:00:00Z", null), false],
    ["lapsed", joined("2025-01-01T00:00:00Z", "2026-04-01T00:00:00Z"), true],
    ["lapsed", joined("2025-01-01T00:00:00Z", "2026-06-01T00:00:00Z"), false],
    ["lapsed", joined("2025-01-01T00:00:00Z", null), false], // never charged: new or nothing, not lapsed
    ["any", joined("2025-01-01T00:00:00Z", null), true],
  ] as const)("segment %s, driver %j → %s", (segment, driver, applies) => {
    expect(run(campaign({ conditions: { segment, segmentDays: 30 } }), session(), driver).applies).toBe(applies);
  });

  it("a merchant's own campaign pays only at that merchant", () => {
    const shop = campaign({ trigger: "purchase_verified", effects: [{ kind: "bonus_nova", nova: 40 }] }, "m_1");
    const purchase = (merchantId: string) =>
      session({ trigger: "purchase_verified", place: { merchantId, latitude: 30, longitude: -97, isPartner: true } });
    expect(paid(shop, purchase("m_1"))).toEqual({ nova: 40, cents: 0, offers: [] });
    expect(paid(shop, purchase("m_2"))).toBe("at another shop");
  });
});

describe("limits", () => {
  const bonus = (limits: Record<string, unknown>) =>
    campaign({ limits: { startsAt: "2026-06-01T00:00:00Z", ...limits }, effects: [{ kind: "bonus_nova", nova: 100 }] });
  it.each([
    [{}, NO_USAGE, { nova: 100, cents: 0, offers: [] }],
    [{ startsAt: "2026-06-10T08:00:01Z" }, NO_USAGE, "before the campaign started"],
    [{ endsAt: "2026-06-10T08:00:00Z" }, NO_USAGE, "after the campaign ended"], // the end is exclusive
    [{ endsAt: "2026-06-10T08:00:01Z" }, NO_USAGE, { nova: 100, cents: 0, offers: [] }],
    [{ perDriver: 2 }, { ...NO_USAGE, driverAwards: 1 }, { nova: 100, cents: 0, offers: [] }],
    [{ perDriver: 2 }, { ...NO_USAGE, driverAwards: 2 }, "already earned 2×"],
    [{ perDriverPerDay: 1 }, { ...NO_USAGE, driverAwardsToday: 1 }, "already earned 1× today"],
    [{ budgetNova: 1_000 }, { ...NO_USAGE, novaSpent: 950 }, { nova: 50, cents: 0, offers: [] }],
    [{ budgetNova: 1_000 }, { ...NO_USAGE, novaSpent: 1_000 }, "the campaign's budget is used up"],
  ] as const)("%j with usage %j → %j", (limits, usage, expected) => {
    expect(paid(bonus(limits), session(), veteran, usage)).toEqual(expected);
  });

  it("says in the label when it pays the last of its budget", () => {
    const r = run(bonus({ budgetNova: 1_000 }), session(), veteran, { ...NO_USAGE, novaSpent: 950 });
    expect(r.applies && r.award).toMatchObject({
      budgetReached: true,
      label: "Night owl bonus, +100 Nova (the last of its budget)",
    });
  });

  it("a cash budget caps only the cash", () => {
    const c = campaign({
      limits: { startsAt: "2026-01-01T00:00:00Z", budgetCents: 500 },
      effects: [
        { kind: "cash_bonus", cents: 200 },
        { kind: "bonus_nova", nova: 10 },
      ],
    });
    expect(paid(c, session(), veteran, { ...NO_USAGE, centsSpent: 500 })).toEqual({ nova: 10, cents: 0, offers: [] });
  });
});

describe("effects", () => {
  it.each([
    [[{ kind: "multiplier", factor: 2 }], 300, { nova: 300, cents: 0, offers: [] }, "Night owl bonus, 2× Nova"],
    [[{ kind: "multiplier", factor: 1.5 }], 125, { nova: 62, cents: 0, offers: [] }, "Night owl bonus, 1.5× Nova"],
    [[{ kind: "bonus_nova", nova: 1500 }], 0, { nova: 1500, cents: 0, offers: [] }, "Night owl bonus, +1,500 Nova"],
    [[{ kind: "cash_bonus", cents: 250 }], 0, { nova: 0, cents: 250, offers: [] }, "Night owl bonus, $2.50 cash"],
    [
      [
        { kind: "unlock_offer", offerId: "off_1" },
        { kind: "bonus_nova", nova: 5 },
      ],
      0,
      { nova: 5, cents: 0, offers: ["off_1"] },
      "Night owl bonus, an offer unlocked + 5 Nova",
    ],
    [
      [
        { kind: "multiplier", factor: 2 },
        { kind: "bonus_nova", nova: 50 },
        { kind: "cash_bonus", cents: 100 },
      ],
      100,
      { nova: 150, cents: 100, offers: [] },
      "Night owl bonus, 2× Nova + 50 Nova + $1.00 cash",
    ],
  ] as const)("%j on %i base Nova → %j, “%s”", (effects, baseNova, expected, label) => {
    const c = campaign({ effects: effects as unknown as CampaignDefinitionInput["effects"] });
    const r = run(c, session({ baseNova }));
    expect(paid(c, session({ baseNova }))).toEqual(expected);
    expect(r.applies && r.award.label).toBe(label);
  });

  it("a multiplier on a reward of nothing adds nothing, and says so", () => {
    expect(paid(campaign(), session({ baseNova: 0 }))).toBe("nothing to add");
  });
});

describe("definitions", () => {
  const base = { name: "Night owl bonus", limits: { startsAt: "2026-01-01T00:00:00Z" } };
  it.each([
    [
      {
        trigger: "sign_up",
        conditions: { zone: { latitude: 1, longitude: 1, radiusMeters: 100 } },
        effects: [{ kind: "bonus_nova", nova: 1 }],
      },
      "conditions.zone",
    ],
    [{ trigger: "purchase_verified", effects: [{ kind: "multiplier", factor: 2 }] }, "effects.0"],
    [
      { trigger: "purchase_verified", conditions: { minKwh: 5 }, effects: [{ kind: "bonus_nova", nova: 1 }] },
      "conditions.minKwh",
    ],
    [
      {
        trigger: "session_verified",
        conditions: { hours: { start: "02:00", end: "02:00" } },
        effects: [{ kind: "bonus_nova", nova: 1 }],
      },
      "conditions.hours",
    ],
    [
      {
        trigger: "session_verified",
        conditions: { timeZone: "Mars/Olympus" },
        effects: [{ kind: "bonus_nova", nova: 1 }],
      },
      "conditions.timeZone",
    ],
    [{ trigger: "session_verified", effects: [{ kind: "multiplier", factor: 1.55 }] }, "effects.0"],
    [{ trigger: "session_verified", effects: [{ kind: "bonus_nova", nova: 1, extra: true }] }, "effects.0"],
    [{ trigger: "session_verified", effects: [] }, "effects"],
    [
      {
        trigger: "session_verified",
        limits: { startsAt: "2026-02-01", endsAt: "2026-01-01" },
        effects: [{ kind: "bonus_nova", nova: 1 }],
      },
      "limits.endsAt",
    ],
  ])("refuses %j at %s", (def, path) => {
    const r = campaignDefinition.safeParse({ ...base, ...def });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });
});
