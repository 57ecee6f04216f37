import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/config/env";
import { pingInput } from "@/lib/charging";
import { directSpendInput } from "@/lib/merchants";
import { grantInput } from "@/lib/rewards";
import { decimalNumber, wholeNumber } from "@/lib/validation";

// z.coerce.number() read [5] as 5, true as 1, "0x10" as 16, "1e3" as 1000, " 5" as 5 and "" as 0.
const LOOSE_NUMBERS: unknown[] = [[5], true, "0x10", "1e3", "5.0", 5.5, " 5", "", -1, "+5", null];

describe("wholeNumber", () => {
  const amount = wholeNumber({ min: 1, max: 100 });

  it.each(LOOSE_NUMBERS.map((v) => [JSON.stringify(v), v]))("refuses %s", (_, value) => {
    expect(amount.safeParse(value).success).toBe(false);
  });

  it("accepts a JSON integer and a string of decimal digits", () => {
    expect(amount.parse(5)).toBe(5);
    expect(amount.parse("5")).toBe(5);
    expect(amount.parse("0042")).toBe(42);
  });

  it("holds its bounds and says so in the field's words", () => {
    const nova = wholeNumber({
      min: 1,
      max: 100,
      message: "Whole Nova only.",
      tooSmall: "At least 1.",
      tooBig: "At most 100.",
    });
    expect(nova.safeParse("0x10").error?.issues[0].message).toBe("Whole Nova only.");
    expect(nova.safeParse(0).error?.issues[0].message).toBe("At least 1.");
    expect(nova.safeParse("101").error?.issues[0].message).toBe("At most 100.");
    expect(wholeNumber().safeParse("99999999999999999999").success).toBe(false);
    expect(wholeNumber().safeParse(Number.MAX_SAFE_INTEGER + 2).success).toBe(false);
    expect(Object.is(wholeNumber().parse(-0), 0)).toBe(true);
  });
});

describe("every schema that reads an amount or a count uses it", () => {
  const grant = { driverId: "d", reason: "welcome bonus", idempotencyKey: "k".repeat(16) };
  const spend = { spendCode: "ABCD-EFGH", idempotencyKey: "k".repeat(16) };

  it.each(LOOSE_NUMBERS.map((v) => [JSON.stringify(v), v]))("grant and direct-spend amounts refuse %s", (_, value) => {
    expect(grantInput.safeParse({ ...grant, amount: value }).success).toBe(false);
    expect(directSpendInput.safeParse({ ...spend, amount: value }).success).toBe(false);
  });

  it('grant and direct-spend amounts accept 5 and "5"', () => {
    expect(grantInput.parse({ ...grant, amount: 5 }).amount).toBe(5);
    expect(grantInput.parse({ ...grant, amount: "5" }).amount).toBe(5);
    expect(directSpendInput.parse({ ...spend, amount: "5" }).amount).toBe(5);
  });

  it("configured amounts and counts are decimal digits too", () => {
    const parse = (env: Record<string, string>) => envSchema(false).safeParse(env);
    expect(parse({ NOVA_GRANT_MAX: "0x10" }).success).toBe(false);
    expect(parse({ NOVA_GRANT_DAILY_CAP: "" }).success).toBe(false);
    expect(parse({ VERIFY_REWARD_CENTS: "1e3" }).success).toBe(false);
    expect(parse({ DATABASE_POOL_SIZE: " 5" }).success).toBe(false);
    expect(parse({ NOVA_GRANT_MAX: "16" }).data?.NOVA_GRANT_MAX).toBe(16);
    expect(parse({}).data).toMatchObject({ NOVA_GRANT_MAX: 5000, DATABASE_POOL_SIZE: 10 });
  });
});

describe("decimalNumber (phone pings)", () => {
  const latitude = decimalNumber({ min: -90, max: 90 });

  it.each([[[5]], [true], ["0x10"], ["1e3"], [" 5"], [""], [null], [Number.NaN], [Number.POSITIVE_INFINITY]])(
    "refuses %j",
    (value) => {
      expect(latitude.safeParse(value).success).toBe(false);
    },
  );

  it("accepts a JSON number and a plain decimal string, within bounds", () => {
    expect(latitude.parse(30.2672)).toBe(30.2672);
    expect(latitude.parse("-30.5")).toBe(-30.5);
    expect(latitude.safeParse(91).success).toBe(false);
  });

  it("a ping's time is an ISO timestamp, not a number or a boolean", () => {
    const ping = { latitude: 30.3, longitude: -97.7, accuracyMeters: 12 };
    expect(pingInput.safeParse({ ...ping, recordedAt: true }).success).toBe(false);
    expect(pingInput.safeParse({ ...ping, recordedAt: 1700000000000 }).success).toBe(false);
    expect(pingInput.parse({ ...ping, recordedAt: "2026-11-27T10:00:00.000Z" }).recordedAt).toEqual(
      new Date("2026-11-27T10:00:00.000Z"),
    );
  });
});
