import { describe, expect, it } from "vitest";
import { addMonths, aliveBefore, expiresOn, expiryCutoff, nextExpiry, type NovaFlow } from "@/lib/nova-expiry/lots";

const at = (iso: string) => new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
const day = (d: Date | undefined) => d?.toISOString().slice(0, 10);
const flows = (...rows: [string, number][]): NovaFlow[] =>
  rows.map(([when, net]) => ({ at: at(when), net: BigInt(net) }));

describe("expiry days (UTC, whole months, clamped)", () => {
  it.each([
    ["2024-03-31", -1, "2024-02-29"],
    ["2025-03-31", -1, "2025-02-28"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2025-11-30", 12, "2026-11-30"],
    ["2026-11-30", -12, "2025-11-30"],
  ])("%s moved by %i months is %s", (from, months, to) => {
    expect(day(addMonths(at(from), months))).toBe(to);
  });

  it.each([
    // earned on day d: still counted on d + 12 months, gone the day after
    ["2025-11-29T15:00:00Z", 12, "2026-11-30"],
    ["2025-11-30T00:00:00Z", 12, "2026-12-01"],
    ["2025-01-10T09:00:00Z", 12, "2026-01-11"],
    ["2024-02-29T10:00:00Z", 12, "2025-03-01"],
    ["2025-02-28T10:00:00Z", 12, "2026-03-01"],
    ["2025-08-31T10:00:00Z", 6, "2026-03-01"],
  ])("Nova earned at %s with a %i-month period expire on %s", (earned, months, expected) => {
    const on = expiresOn(at(earned), months);
    expect(day(on)).toBe(expected);
    // the cutoff of that day is the first to pass the credit; the day before it had not
    expect(expiryCutoff(on, months) > at(earned)).toBe(true);
    expect(expiryCutoff(new Date(on.getTime() - 86_400_000), months) <= at(earned)).toBe(true);
  });

  it("the reason's cutoff: on 30 Nov 2026, Nova earned before 30 Nov 2025 expire", () => {
    expect(expiryCutoff(at("2026-11-30T00:15:00Z"), 12).toISOString()).toBe("2025-11-30T00:00:00.000Z");
  });
});

describe("first in, first out: what is still alive of the credits before a cutoff", () => {
  // earn 100 in January, 100 in June, spend 150 in July (2025), 12-month period
  const janJunJul = flows(["2025-01-10", 100], ["2025-06-10", 100], ["2025-07-10", -150]);

  it.each([
    ["before anything is due", "2025-12-01", 0n, "the cutoff precedes every credit"],
    ["the January lot's day", "2026-01-11", 0n, "the July spend used all of January's 100"],
    ["between the lots", "2026-03-01", 0n, "still only January's lot is past its cutoff"],
    ["the June lot's day", "2026-06-11", 50n, "June's 100 minus the 50 of the spend January could not cover"],
    ["long after", "2027-06-01", 50n, "nothing newer arrived; nothing else was spent"],
  ])("%s (%s): %i alive — %s", (_label, runDay, expected) => {
    expect(aliveBefore(janJunJul, expiryCutoff(at(runDay), 12))).toBe(expected);
  });

  it("an earlier expiry counts as a debit: the same Nova never expire twice", () => {
    const afterJune = [...janJunJul, ...flows(["2026-06-11T00:15:00Z", -50])];
    expect(aliveBefore(afterJune, expiryCutoff(at("2026-06-11"), 12))).toBe(0n);
    expect(aliveBefore(afterJune, expiryCutoff(at("2026-06-12"), 12))).toBe(0n);
  });

  it("spending more than the old lots leaves nothing old, never a negative amount", () => {
    expect(aliveBefore(flows(["2025-01-10", 100], ["2025-02-10", 300], ["2025-03-01", -250]), at("2025-02-01"))).toBe(
      0n,
    );
  });
});

describe("the next expiry the wallet shows", () => {
  const janJunJul = flows(["2025-01-10", 100], ["2025-06-10", 100], ["2025-07-10", -150]);
  const show = (e: ReturnType<typeof nextExpiry>) => (e ? [day(e.expiresOn), e.amount] : null);

  it.each<[string, NovaFlow[], string | null, string, [string, bigint] | null]>([
    ["one lot, no activity", flows(["2025-01-10", 120]), null, "2025-08-01", ["2026-01-11", 120n]],
    ["the oldest lot is used up: the next one", janJunJul, null, "2025-08-01", ["2026-06-11", 50n]],
    [
      "activity after the lot pushes it to activity + period",
      flows(["2025-01-10", 120]),
      "2025-12-01",
      "2025-12-02",
      ["2026-12-02", 120n],
    ],
    [
      "activity pushes every lot: all earned before it go together",
      flows(["2025-01-10", 100], ["2025-03-10", 80], ["2025-09-01", 20]),
      "2025-03-20",
      "2025-04-01",
      ["2026-03-21", 180n],
    ],
    ["everything spent", flows(["2025-01-10", 100], ["2025-02-10", -100]), null, "2025-03-01", null],
    [
      "a day already past shows today (the run has not come yet)",
      flows(["2024-01-10", 70]),
      null,
      "2025-05-05",
      ["2025-05-05", 70n],
    ],
  ])("%s", (_label, f, activity, now, expected) => {
    expect(show(nextExpiry(f, activity ? at(activity) : null, 12, at(now)))).toEqual(expected);
  });

  it("never, with a period of 0", () => {
    expect(nextExpiry(flows(["2020-01-01", 100]), null, 0, at("2026-11-30"))).toBeNull();
  });
});
