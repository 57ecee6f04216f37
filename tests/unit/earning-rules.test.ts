import { describe, expect, it } from "vitest";
import {
  computePurchaseReward,
  computeSessionReward,
  rulesFromConfig,
  type SessionRewardInput,
} from "@/lib/rewards/earning-rules";

const rules = rulesFromConfig({ VERIFY_REWARD_CENTS: 200, DRIVER_DAILY_EARN_CAP_NOVA: 2_000 });
const reward = (input: Partial<SessionRewardInput>) =>
  computeSessionReward(
    { kwhDelivered: null, batteryGained: null, isPartnerCharger: false, earnedTodayNova: 0, ...input },
    rules,
  );
const sum = (lines: Array<{ nova: number }>) => lines.reduce((total, line) => total + line.nova, 0);

describe("rulesFromConfig", () => {
  it("takes the cash reward and cap from config and fixes the Nova rates", () => {
    expect(rules).toEqual({
      novaPerKwh: 10,
      partnerBonusNova: 50,
      minimumNova: 25,
      verifyRewardCents: 200,
      dailyCapNova: 2_000,
    });
  });
});

describe("computeSessionReward", () => {
  it("pays whole Nova per kWh, rounded down", () => {
    const r = reward({ kwhDelivered: 23.47 });
    expect(r).toMatchObject({ nova: 234, cents: 200, capped: false, reason: "Charging: 23.5 kWh × 10" });
    expect(r.lines).toEqual([{ label: "23.5 kWh × 10", nova: 234 }]);
  });

  it("does not lose a Nova to floating point", () => {
    expect(reward({ kwhDelivered: 2.9 }).nova).toBe(29);
    expect(reward({ kwhDelivered: 0.29 * 100 }).nova).toBe(290);
  });

  it("pays the minimum for a small or unreported charge", () => {
    expect(reward({ kwhDelivered: 1.2 })).toMatchObject({ nova: 25, reason: "Charging: 1.2 kWh, minimum 25 Nova" });
    expect(reward({})).toMatchObject({ nova: 25, reason: "Charging: energy not reported, minimum 25 Nova" });
  });

  it("adds the partner bonus on top", () => {
    const r = reward({ kwhDelivered: 23.4, isPartnerCharger: true });
    expect(r.nova).toBe(284);
    expect(r.reason).toBe("Charging at a partner charger: 23.4 kWh × 10 + 50 partner bonus");
    expect(r.lines).toContainEqual({ label: "Partner charger bonus", nova: 50 });
    expect(reward({ kwhDelivered: 0.5, isPartnerCharger: true }).nova).toBe(75);
  });

  it("estimates kWh from battery gained, with a 60 kWh pack unless told", () => {
    expect(reward({ batteryGained: 40 })).toMatchObject({
      nova: 240,
      reason: "Charging: about 24 kWh (40% of a 60 kWh battery) × 10",
    });
    expect(reward({ batteryGained: 40, batteryCapacityKwh: 82 }).nova).toBe(328);
    expect(reward({ kwhDelivered: 10, batteryGained: 40 }).nova).toBe(100);
  });

  it("caps at the daily limit, with a line that says so", () => {
    const r = reward({ kwhDelivered: 30, isPartnerCharger: true, earnedTodayNova: 1_900 });
    expect(r).toMatchObject({ nova: 100, cents: 200, capped: true });
    expect(r.lines.at(-1)).toEqual({ label: "Daily earning limit of 2,000 Nova", nova: -250 });
    expect(sum(r.lines)).toBe(100);
    expect(r.reason).toContain("100 Nova after your daily limit of 2,000 Nova");
  });

  it("pays 0 Nova but still the cash once the cap is reached", () => {
    for (const earnedTodayNova of [2_000, 2_600]) {
      const r = reward({ kwhDelivered: 30, earnedTodayNova });
      expect(r).toMatchObject({ nova: 0, cents: 200, capped: true });
      expect(sum(r.lines)).toBe(0);
      expect(r.reason).toContain("no Nova today");
    }
  });

  it("leaves a session exactly at the cap uncapped", () => {
    expect(reward({ kwhDelivered: 30, earnedTodayNova: 1_700 })).toMatchObject({ nova: 300, capped: false });
  });
});

describe("computePurchaseReward", () => {
  const ok = { purchaseVerified: true, duringVerifiedSession: true, merchantIsPartner: true };

  it("pays the flat amount for a verified partner purchase during a verified session", () => {
    expect(computePurchaseReward(ok, 150)).toEqual({
      cents: 150,
      reason: "Purchase at a partner merchant during your verified charging session.",
    });
  });

  it("pays nothing, with a reason, when any condition fails", () => {
    expect(computePurchaseReward({ ...ok, purchaseVerified: false }, 150)).toMatchObject({
      cents: 0,
      reason: expect.stringContaining("verify this purchase"),
    });
    expect(computePurchaseReward({ ...ok, merchantIsPartner: false }, 150)).toMatchObject({
      cents: 0,
      reason: expect.stringContaining("partner"),
    });
    expect(computePurchaseReward({ ...ok, duringVerifiedSession: false }, 150)).toMatchObject({
      cents: 0,
      reason: expect.stringContaining("verified charging session"),
    });
  });
});
