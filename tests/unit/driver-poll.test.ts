import { describe, expect, it } from "vitest";
import { balancesPollMs, chargingPollMs, codePollMs, POLL } from "@/components/driver/queries/poll";
import type { DriverChargingView } from "@/lib/charging";
import type { CodeStatusView } from "@/lib/merchants";

const NOW = Date.parse("2026-12-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW - ms).toISOString();

const charging = (over: Partial<DriverChargingView>): DriverChargingView => ({
  now: NOW,
  active: null,
  recent: null,
  ...over,
});
const recent = (status: string, endedMsAgo: number) => ({
  id: "s1",
  status,
  verificationReason: null,
  endedAt: ago(endedMsAgo),
  charger: { name: "Mueller" },
});

describe("how often the live screens re-read", () => {
  it("charging: often while a session runs, a while as it is verified, then never", () => {
    const active = {
      id: "s1",
      startedAt: ago(60_000),
      vehicleId: null,
      verificationReason: null,
      charger: { name: "Mueller", address: "1 St" },
      pings: 2,
      verification: null,
    };
    expect(chargingPollMs(charging({ active }))).toBe(POLL.charging);
    expect(chargingPollMs(charging({ recent: recent("PENDING_WITNESS", 10_000) }))).toBe(POLL.verifying);
    expect(chargingPollMs(charging({ recent: recent("PENDING_WITNESS", POLL.verifyingFor + 1) }))).toBe(false);
    for (const status of ["VERIFIED", "UNVERIFIED", "CANCELLED"])
      expect(chargingPollMs(charging({ recent: recent(status, 10_000) }))).toBe(false);
    expect(chargingPollMs(charging({}))).toBe(false);
    expect(chargingPollMs(undefined)).toBe(false);
  });

  it("a code: while it can be used; redeemed, expired and cancelled are final", () => {
    const code = (state: CodeStatusView["state"]): CodeStatusView => ({
      id: "c1",
      state,
      novaAmount: 650,
      issuedAt: ago(60_000),
      expiresAt: ago(-60_000),
      settledAt: null,
      now: NOW,
    });
    expect(codePollMs(code("live"))).toBe(POLL.liveCode);
    for (const state of ["redeemed", "expired", "cancelled"] as const) expect(codePollMs(code(state))).toBe(false);
  });

  it("balances: only while Nova is held or a reward is pending", () => {
    const b = (held: number, pendingNova: number, pendingUsd: number) => ({
      nova: { available: 100, held, pending: pendingNova },
      usd: { available: 50, pending: pendingUsd },
    });
    expect(balancesPollMs(b(0, 0, 0))).toBe(false);
    expect(balancesPollMs(b(650, 0, 0))).toBe(POLL.balancesMoving);
    expect(balancesPollMs(b(0, 120, 0))).toBe(POLL.balancesMoving);
    expect(balancesPollMs(b(0, 0, 200))).toBe(POLL.balancesMoving);
  });
});
