import { describe, expect, it } from "vitest";
import { instantFeeCents } from "@/lib/payouts/policy";
import { amountProblem, mostNow, centsToInput, feeFor, parseDollars } from "@/components/driver/cash-out-amount";

const limits = {
  minCents: 100,
  maxCents: 10_000,
  dailyCapCents: 20_000,
  instantFeeBps: 100,
  remainingTodayCents: 20_000,
};

describe("parseDollars", () => {
  it.each([
    ["12", 1200],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.07", 7],
    [".5", 50],
    ["$1,012.34", 101_234],
    [" 25.00 ", 2500],
    ["19.99", 1999], // 19.99 * 100 is 1998.9999… in floating point
  ])("reads %s as %i cents", (text, cents) => {
    expect(parseDollars(text)).toEqual({ cents });
  });

  it("refuses more than two decimals instead of rounding", () => {
    expect(parseDollars("1.005")).toEqual({ error: expect.stringMatching(/two digits/) });
  });

  it.each(["", ".", "abc", "-5", "1.2.3", "1e3", "0x10", "1234567890"])("refuses %j", (text) => {
    expect(parseDollars(text)).toHaveProperty("error");
  });

  it("round-trips what the input is prefilled with", () => {
    for (const cents of [0, 5, 100, 1999, 10_000]) expect(parseDollars(centsToInput(cents))).toEqual({ cents });
  });
});

describe("amountProblem", () => {
  it("names the minimum, the maximum and the balance", () => {
    expect(amountProblem(99, limits, 5000)).toMatch(/smallest cash-out is \$1\.00/);
    expect(amountProblem(10_001, limits, 50_000)).toMatch(/largest single cash-out is \$100\.00/);
    expect(amountProblem(600, limits, 500)).toMatch(/You have \$5\.00 available/);
    expect(amountProblem(500, limits, 500)).toBeNull();
  });

  it("names what today's cap still allows, and the prefill stays within it", () => {
    const late = { ...limits, remainingTodayCents: 3_750 };
    expect(amountProblem(5_000, late, 50_000)).toBe("You can cash out $37.50 more today (the limit is $200.00 a day).");
    expect(amountProblem(3_750, late, 50_000)).toBeNull();
    expect(mostNow(late, 50_000)).toBe(3_750);
    expect(mostNow(limits, 2_000)).toBe(2_000);
  });
});

describe("feeFor", () => {
  it("is free for standard and the server's rounded-up fee for instant", () => {
    for (const cents of [100, 101, 150, 1999, 10_000]) {
      expect(feeFor(cents, "STANDARD", 100)).toBe(0);
      expect(feeFor(cents, "INSTANT", 150)).toBe(instantFeeCents(cents, 150));
    }
    expect(feeFor(101, "INSTANT", 100)).toBe(2);
  });
});
