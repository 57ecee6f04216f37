import { describe, expect, it } from "vitest";
import { campaignDefinition, replayCampaign, type LiveCampaign, type TriggerEvent } from "@/lib/campaigns";

const ZONE = "America/Chicago";
const campaign: LiveCampaign = {
  id: "camp_1",
  version: 1,
  merchantId: null,
  definition: campaignDefinition.parse({
    name: "Weekend boost",
    trigger: "session_verified",
    conditions: { minKwh: 10 },
    limits: { startsAt: "2026-01-01T00:00:00Z", perDriverPerDay: 1, budgetNova: 500 },
    effects: [{ kind: "multiplier", factor: 2 }],
  }),
};
let n = 0;
const session = (driverId: string, iso: string, over: Partial<TriggerEvent> = {}): TriggerEvent => ({
  trigger: "session_verified",
  id: `s${++n}`,
  driverId,
  occurredAt: new Date(iso),
  place: { chargerId: "ch_1", latitude: 30.27, longitude: -97.74, isPartner: false },
  kwh: 20,
  baseNova: 200,
  ...over,
});
const facts = () => ({ signedUpAt: new Date("2025-01-01T00:00:00Z"), lastChargeAt: null });

describe("replaying past triggers through a campaign", () => {
  it("orders by time, counts per-driver days and the budget as the payer would, and dates the budget's end", () => {
    const events = [
      session("ana", "2026-06-12T15:00:00Z"), // Ana's second session on her 12 June (Chicago): refused
      session("ana", "2026-06-12T14:00:00Z"),
      session("ben", "2026-06-13T04:00:00Z"), // 12 June 23:00 in Chicago: Ben's 12 June
      session("ben", "2026-06-13T06:00:00Z"), // 13 June 01:00 in Chicago: a new day for Ben
      session("cy", "2026-06-14T12:00:00Z", { kwh: 5 }), // under 10 kWh
      session("cy", "2026-06-14T13:00:00Z"), // the budget's last 0 Nova: refused
    ];
    const r = replayCampaign(campaign, events, facts, ZONE);
    expect(r.drivers).toEqual([
      { driverId: "ben", awards: 2, nova: 300, cents: 0 },
      { driverId: "ana", awards: 1, nova: 200, cents: 0 },
    ]);
    expect(r).toMatchObject({ triggers: 6, awards: 3, nova: 500, cents: 0 });
    expect(r.exhaustedAt).toEqual(new Date("2026-06-13T06:00:00Z"));
    expect(r.refusals).toEqual([
      { reason: "already earned 1× today", count: 1 },
      { reason: "under 10 kWh", count: 1 },
      { reason: "the campaign's budget is used up", count: 1 },
    ]);
  });

  it("leaves the exhaustion date empty while the budget lasts", () => {
    const r = replayCampaign(campaign, [session("dee", "2026-06-12T14:00:00Z")], facts, ZONE);
    expect(r).toMatchObject({ awards: 1, nova: 200, exhaustedAt: null, refusals: [] });
  });
});
