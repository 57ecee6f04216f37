import { describe, expect, it } from "vitest";
import { campaignPitch } from "@/lib/notifications";

// What a notice promises: the probe found a shop's redemption campaign that did not name the shop,
// and a campaign launched ahead of its start that read as paying today.
const now = new Date("2026-11-30T18:00:00Z");
const base = { name: "x", effects: [{ kind: "cash_bonus", cents: 10_000 }] };

describe("a campaign's notice", () => {
  it("names the shop that pays a purchase or redemption campaign", () => {
    expect(campaignPitch({ ...base, trigger: "redemption_confirmed" }, "Juice Bar", now)).toBe(
      "$100.00 cash when you redeem an offer at Juice Bar.",
    );
    expect(campaignPitch({ ...base, trigger: "purchase_verified" }, "Juice Bar", now)).toBe(
      "$100.00 cash on purchases at Juice Bar.",
    );
  });

  it("says from when a campaign that has not started pays, and gives its hours with their zone", () => {
    const later = {
      ...base,
      trigger: "session_verified",
      conditions: { hours: { start: "01:00", end: "05:00" }, timeZone: "America/Chicago" },
      limits: { startsAt: "2027-06-01T05:00:00Z" },
    };
    expect(campaignPitch(later, null, now)).toBe(
      "From Jun 1, 2027: $100.00 cash on verified charging sessions, 01:00–05:00 Central Time.",
    );
    expect(campaignPitch({ ...later, limits: { startsAt: "2026-11-01T00:00:00Z" } }, null, now)).toBe(
      "$100.00 cash on verified charging sessions, 01:00–05:00 Central Time.",
    );
  });
});
