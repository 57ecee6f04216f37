import { describe, expect, it } from "vitest";
import { balanceNotice, balanceText, parseBalanceText } from "@/lib/wallet/google/balance-notice";

// Which balance changes earn a Google Wallet notice (3 a pass a day): only Nova or cash coming in.
const b = (nova: number, held = 0, cashCents = 0) => ({ nova, held, cashCents });

describe("Google Wallet balance text", () => {
  it("round-trips, negative cash included", () => {
    for (const x of [b(0), b(120, 30, 450), b(7, 0, -150), b(1_000_000, 5, 99)])
      expect(parseBalanceText(balanceText(x))).toEqual(x);
    expect(balanceText(b(120, 30, 450))).toBe("120 Nova · 30 held · $4.50");
  });

  it("reads nothing from no text or another format", () => {
    expect(parseBalanceText(null)).toBeNull();
    expect(parseBalanceText("120 Nova · $4.50")).toBeNull();
  });
});

describe("Google Wallet notices", () => {
  it("Nova coming in is news", () => {
    expect(balanceNotice(b(100), b(140, 0, 0))).toEqual({
      header: "Nova earned",
      body: "+40 Nova. You have 140 Nova and $0.00.",
    });
  });

  it("a cash reward is news", () => {
    expect(balanceNotice(b(100, 0, 200), b(100, 0, 350))).toEqual({
      header: "Cash reward",
      body: "+$1.50. You have 100 Nova and $3.50.",
    });
  });

  it("holds, released holds, spends, reversals and payouts are not", () => {
    expect(balanceNotice(b(100), b(60, 40))).toBeNull(); // a hold
    expect(balanceNotice(b(60, 40), b(100, 0))).toBeNull(); // the hold released
    expect(balanceNotice(b(60, 40), b(60, 0))).toBeNull(); // the hold spent
    expect(balanceNotice(b(100, 0, 500), b(100, 0, 0))).toBeNull(); // a payout
    expect(balanceNotice(b(100, 0, 500), b(90, 0, 500))).toBeNull(); // a reversal
  });

  it("nothing to compare with (first sync after an unknown state): no notice", () => {
    expect(balanceNotice(null, b(500))).toBeNull();
  });
});
