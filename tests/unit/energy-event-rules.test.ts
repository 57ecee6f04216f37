import { describe, expect, it } from "vitest";
import {
  energyEventInput,
  energyInWindow,
  eventWindow,
  judgeParticipation,
  NO_DATA,
  type EventTerms,
  type Reading,
} from "@/lib/energy-events";

const ZONE = "America/Chicago"; // UTC−6 in December
const t = (hhmm: string, day = "2026-12-02") => new Date(`${day}T${hhmm}:00-06:00`);
const read = (
  hhmm: string,
  kwh: number | null,
  state: Reading["chargeState"] = "CHARGING",
  vehicleId = "car1",
): Reading => ({
  vehicleId,
  capturedAt: t(hhmm),
  chargeState: state,
  energyAddedKwh: kwh,
});
const night: EventTerms = {
  kind: "CHARGE",
  startsAt: t("01:00"),
  endsAt: t("05:00"),
  novaPerKwh: 10,
  fixedNova: null,
  minKwh: 1,
};
const peak: EventTerms = {
  kind: "PAUSE",
  startsAt: t("17:00"),
  endsAt: t("19:00"),
  novaPerKwh: null,
  fixedNova: 300,
  minKwh: 1,
};

describe("energy inside the window (telemetry only)", () => {
  it("counts a session wholly inside the window", () => {
    const r = [read("01:30", 0), read("02:30", 6), read("03:30", 12.34, "FULLY_CHARGED")];
    expect(energyInWindow(r, { from: night.startsAt, to: night.endsAt })).toBe(12.34);
    const j = judgeParticipation(night, r, ZONE);
    expect(j).toEqual({
      status: "EARNED",
      kwh: 12.34,
      nova: 123,
      reason: "earned 123 Nova for 12.34 kWh between 01:00 and 05:00",
    });
  });

  it("counts only the part of a straddling session inside the window, pro rata between readings", () => {
    // 00:00 → 02:00 adds 8 kWh (half of it after 01:00); 04:00 → 06:00 adds 8 more (half before 05:00)
    const r = [read("00:00", 0), read("02:00", 8), read("04:00", 16), read("06:00", 24, "FULLY_CHARGED")];
    const j = judgeParticipation(night, r, ZONE);
    expect(j.kwh).toBe(4 + 8 + 4);
    expect(j.nova).toBe(160);
  });

  it("a new plug-in (the counter restarts) counts from zero", () => {
    const r = [read("01:10", 20), read("02:00", 25), read("03:00", 3), read("04:00", 5)];
    expect(judgeParticipation(night, r, ZONE).kwh).toBe(5 + 3 + 2);
  });

  it("sums the driver's cars", () => {
    const r = [
      read("01:00", 0),
      read("02:00", 5),
      read("01:30", 10, "CHARGING", "car2"),
      read("02:30", 12, "CHARGING", "car2"),
    ];
    expect(judgeParticipation(night, r, ZONE).kwh).toBe(7);
  });

  it("charging outside the window earns nothing, with its reason", () => {
    const r = [
      read("22:00", 0, "CHARGING", "car1"),
      read("23:30", 20, "FULLY_CHARGED"),
      read("01:30", 20, "NOT_CHARGING"),
      read("04:30", 20, "NOT_CHARGING"),
    ].map((x, i) => (i < 2 ? { ...x, capturedAt: new Date(x.capturedAt.getTime() - 86_400_000) } : x));
    expect(judgeParticipation(night, r, ZONE)).toMatchObject({
      status: "NOT_EARNED",
      nova: 0,
      reason: "not earned: no charging seen between 01:00 and 05:00",
    });
  });

  it("no reading inside the window is not verified, even when readings around it imply energy", () => {
    const r = [read("00:30", 0), read("05:30", 30)];
    expect(judgeParticipation(night, r, ZONE)).toEqual({ status: "NOT_VERIFIED", kwh: null, nova: 0, reason: NO_DATA });
    expect(judgeParticipation(night, [], ZONE).reason).toBe("not verified: no data from your car in the window");
  });

  it("under the minimum earns nothing; a fixed bonus ignores the kWh", () => {
    const r = [read("01:30", 0), read("02:00", 0.5)];
    expect(judgeParticipation(night, r, ZONE).reason).toBe(
      "not earned: 0.5 kWh between 01:00 and 05:00, under the event's minimum of 1 kWh",
    );
    const fixed = { ...night, novaPerKwh: null, fixedNova: 250 };
    expect(judgeParticipation(fixed, [read("01:30", 0), read("03:00", 9)], ZONE)).toMatchObject({
      status: "EARNED",
      nova: 250,
      kwh: 9,
    });
  });

  it("a car that says charging but reports no counter is not verified", () => {
    expect(judgeParticipation(night, [read("02:00", null)], ZONE).status).toBe("NOT_VERIFIED");
  });
});

describe("pause in the window", () => {
  const around = [read("15:30", 0), read("16:30", 9, "FULLY_CHARGED")];
  const quiet = [read("17:05", 9, "NOT_CHARGING"), read("18:00", 9, "NOT_CHARGING"), read("18:50", 9, "NOT_CHARGING")];

  it("earns the fixed bonus when the car did not charge inside and charged around it", () => {
    expect(judgeParticipation(peak, [...around, ...quiet], ZONE)).toEqual({
      status: "EARNED",
      kwh: 0,
      nova: 300,
      reason: "earned 300 Nova: no charging during the pause, charging seen at 15:30",
    });
  });

  it("a charging reading inside the pause loses it, with the time", () => {
    const r = [
      ...around,
      read("17:05", 9, "NOT_CHARGING"),
      read("17:42", 9.2, "CHARGING"),
      read("18:50", 12, "NOT_CHARGING"),
    ];
    expect(judgeParticipation(peak, r, ZONE).reason).toBe("not earned: charged during the pause at 17:42");
  });

  it("energy added between two quiet readings inside the pause loses it too", () => {
    const r = [
      ...around,
      read("17:05", 9, "NOT_CHARGING"),
      read("18:00", 2, "NOT_CHARGING"),
      read("18:50", 2, "NOT_CHARGING"),
    ];
    expect(judgeParticipation(peak, r, ZONE).reason).toBe(
      "not earned: your car added 2 kWh during the pause, by 18:00",
    );
  });

  it("readings that do not cover the pause from start to end are not verified", () => {
    const r = [...around, read("17:05", 9, "NOT_CHARGING"), read("17:50", 9, "NOT_CHARGING")];
    expect(judgeParticipation(peak, r, ZONE)).toMatchObject({ status: "NOT_VERIFIED" });
  });

  it("a parked car that never charged around the pause shifted nothing", () => {
    expect(judgeParticipation(peak, quiet, ZONE).reason).toBe(
      "not earned: no charging seen in the 3 hours before or after the pause, so none was shifted",
    );
  });
});

describe("the admin's form", () => {
  const form = {
    name: "Night charge",
    kind: "CHARGE",
    date: "2026-12-02",
    startTime: "01:00",
    endTime: "05:00",
    bonus: "per_kwh",
    amount: "10",
  };

  it("reads wall-clock times in the business time zone, a window past midnight ending the next day", () => {
    const parsed = energyEventInput.parse(form);
    expect(eventWindow(parsed, ZONE)).toEqual({ startsAt: t("01:00"), endsAt: t("05:00") });
    const late = eventWindow({ ...parsed, startTime: "22:00", endTime: "02:00" }, ZONE);
    expect(late).toEqual({ startsAt: t("22:00"), endsAt: t("02:00", "2026-12-03") });
    // DST: 8 March 2026 springs forward at 02:00 in Chicago (UTC−6 → UTC−5)
    expect(eventWindow({ ...parsed, date: "2026-03-08" }, ZONE)).toEqual({
      startsAt: new Date("2026-03-08T07:00:00Z"),
      endsAt: new Date("2026-03-08T10:00:00Z"),
    });
  });

  it("refuses a pause paid per kWh and a bad amount, with sentences", () => {
    const pause = energyEventInput.safeParse({ ...form, kind: "PAUSE" });
    expect(pause.success ? null : pause.error.issues[0].message).toBe(
      "A pause earns a fixed bonus: there are no kWh to pay for.",
    );
    const amount = energyEventInput.safeParse({ ...form, amount: "0" });
    expect(amount.success ? null : amount.error.issues[0].message).toBe("Enter 1 to 10,000 Nova.");
  });
  it("refuses a day that is not on the calendar or past this century with a sentence (9999-12-31 was a 500)", () => {
    for (const date of ["9999-12-31", "2027-02-31", "2027-13-45", "0001-01-01"]) {
      const res = energyEventInput.safeParse({ ...form, date });
      expect(res.success, date).toBe(false);
      expect(res.error?.issues.map((i) => i.message)).toEqual([
        "Choose a real day of this century, such as 2027-02-14.",
      ]);
    }
    expect(energyEventInput.safeParse({ ...form, date: "2028-02-29" }).success).toBe(true);
  });
});
