import { describe, expect, it } from "vitest";
import {
  belowMinimumTicket,
  inMatchWindow,
  purchaseKeys,
  purchaseQuestion,
  releaseAtFor,
  tooLate,
} from "@/lib/purchases";

const MIN = 60_000;
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 30, 12, 0) + minutes * MIN);
const times = { beforeMinutes: 10, afterMinutes: 30 };

describe("the matching window", () => {
  const session = { startedAt: at(0), endedAt: at(60) };
  it("runs from start − 10 min to end + 30 min, edges included", () => {
    expect(inMatchWindow(session, at(-10), at(500), times)).toBe(true);
    expect(inMatchWindow(session, at(-11), at(500), times)).toBe(false);
    expect(inMatchWindow(session, at(90), at(500), times)).toBe(true);
    expect(inMatchWindow(session, at(91), at(500), times)).toBe(false);
  });
  it("uses now as the end while the session is in progress", () => {
    const open = { startedAt: at(0), endedAt: null };
    expect(inMatchWindow(open, at(100), at(80), times)).toBe(true);
    expect(inMatchWindow(open, at(111), at(80), times)).toBe(false);
  });
  it("judges a late offline order by its own timestamp, not by when it arrives", () => {
    expect(inMatchWindow(session, at(30), at(30 + 5 * 60), times)).toBe(true);
  });
});

describe("refunds, release and late orders", () => {
  it("only a refund of the whole total is full", () => {
    expect(belowMinimumTicket({ totalCents: 1240, refundedCents: 1240 }, 0)).toBe(true);
    expect(belowMinimumTicket({ totalCents: 1240, refundedCents: 1239 }, 0)).toBe(false);
    // a sale refunded down to under the minimum ticket, or too small to begin with, earns nothing
    expect(belowMinimumTicket({ totalCents: 1240, refundedCents: 800 }, 500)).toBe(true);
    expect(belowMinimumTicket({ totalCents: 1240, refundedCents: 740 }, 500)).toBe(false);
    expect(belowMinimumTicket({ totalCents: 1, refundedCents: 0 }, 500)).toBe(true);
  });
  it("releases 72 hours after the sale and refuses sales older than the late-order limit", () => {
    expect(releaseAtFor(at(0), 72).getTime() - at(0).getTime()).toBe(72 * 60 * MIN);
    expect(tooLate(at(0), at(72 * 60), 72)).toBe(false);
    expect(tooLate(at(0), at(72 * 60 + 1), 72)).toBe(true);
  });
  it("keys one reward, one release and one reversal per order", () => {
    expect(purchaseKeys("ORD1")).toEqual({
      reward: "purchase:ORD1",
      available: "purchase:ORD1:available",
      reversal: "purchase:ORD1:reversal",
    });
  });
  it("asks in the driver's words", () => {
    expect(purchaseQuestion(1240, "Mueller Market Coffee")).toBe("Was this your $12.40 at Mueller Market Coffee?");
  });
});
