import { describe, expect, it } from "vitest";
import { canonicalEmail, isDisposableEmail, normalisedPhone } from "@/lib/risk/email";
import { badAccuracy, findTeleports, type Ping } from "@/lib/risk/geo";
import { settingOf } from "@/lib/risk/rules";

const ping = (lat: number, lng: number, minute: number, accuracyMeters = 10): Ping => ({
  sessionId: "s",
  latitude: lat,
  longitude: lng,
  accuracyMeters,
  recordedAt: new Date(Date.UTC(2026, 10, 30, 12, minute)),
});

describe("email and phone", () => {
  it("one Gmail inbox, many spellings; +tags elsewhere", () => {
    expect(canonicalEmail("Jane.Doe+nerava@googlemail.com")).toBe("janedoe@gmail.com");
    expect(canonicalEmail("j.a.n.e.doe@gmail.com")).toBe("janedoe@gmail.com");
    expect(canonicalEmail("sam+2@fastmail.com")).toBe("sam@fastmail.com");
    expect(canonicalEmail("sam.smith@fastmail.com")).toBe("sam.smith@fastmail.com");
    expect(canonicalEmail("nobody")).toBeNull();
  });
  it("throwaway domains and their subdomains, not ordinary ones", () => {
    expect(isDisposableEmail("a@mailinator.com")).toBe(true);
    expect(isDisposableEmail("a@x.mailinator.com")).toBe(true);
    expect(isDisposableEmail("a@gmail.com")).toBe(false);
  });
  it("phones by their last ten digits", () => {
    expect(normalisedPhone("+1 (512) 555-0101")).toBe("5125550101");
    expect(normalisedPhone("512.555.0101")).toBe("5125550101");
    expect(normalisedPhone("12")).toBeNull();
  });
});

describe("pings", () => {
  it("a jump no car makes is a teleport; driving and GPS noise are not", () => {
    const austin = ping(30.2672, -97.7431, 0);
    expect(findTeleports([austin, ping(32.7767, -96.797, 2)], 300)).toHaveLength(1);
    expect(findTeleports([austin, ping(30.5083, -97.6789, 30)], 300)).toEqual([]); // 27 km in 30 min
    expect(findTeleports([austin, ping(30.2682, -97.7431, 0, 80)], 300)).toEqual([]); // 110 m jitter, same instant
  });
  it("accuracy of zero or worse than the limit is an anomaly", () => {
    const pings = [ping(30, -97, 0, 0), ping(30, -97, 1, 5000), ping(30, -97, 2, 20)];
    expect(badAccuracy(pings, 1000)).toHaveLength(2);
  });
});

describe("rule settings", () => {
  it("falls back to the defaults for what is missing or unreadable", () => {
    expect(settingOf("shared_ip")).toEqual({
      key: "shared_ip",
      enabled: true,
      thresholds: { minAccounts: 3, windowDays: 30 },
    });
    expect(settingOf("shared_ip", { enabled: false, thresholds: { minAccounts: 5 } }).thresholds).toEqual({
      minAccounts: 5,
      windowDays: 30,
    });
    expect(settingOf("shared_ip", { enabled: true, thresholds: { minAccounts: -1 } }).thresholds.minAccounts).toBe(3);
  });
});
