import { describe, expect, it } from "vitest";
import { signConnectState, verifyConnectState } from "@/lib/vehicles/oauth-state";

const SECRET = "unit-test-secret-0123456789abcdef0123";

describe("Smartcar connect state", () => {
  it("accepts a fresh state for the same driver", async () => {
    const state = await signConnectState(SECRET, "driver-1");
    expect(await verifyConnectState(SECRET, state, "driver-1")).toEqual({ ok: true });
  });

  it("refuses a state bound to another driver", async () => {
    const state = await signConnectState(SECRET, "driver-1");
    expect(await verifyConnectState(SECRET, state, "driver-2")).toEqual({ ok: false, reason: "other_user" });
  });

  it("refuses a state older than 10 minutes", async () => {
    const state = await signConnectState(SECRET, "driver-1", new Date(Date.now() - 11 * 60_000));
    expect(await verifyConnectState(SECRET, state, "driver-1")).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses forged and tampered states", async () => {
    const forged = await signConnectState("another-secret-entirely-0123456789", "driver-1");
    expect(await verifyConnectState(SECRET, forged, "driver-1")).toEqual({ ok: false, reason: "invalid" });
    const state = await signConnectState(SECRET, "driver-1");
    const [h, p, s] = state.split(".");
    const payload = JSON.parse(Buffer.from(p, "base64url").toString());
    const tampered = [h, Buffer.from(JSON.stringify({ ...payload, sub: "driver-2" })).toString("base64url"), s].join(
      ".",
    );
    expect(await verifyConnectState(SECRET, tampered, "driver-2")).toEqual({ ok: false, reason: "invalid" });
    expect(await verifyConnectState(SECRET, "not-a-jwt", "driver-1")).toEqual({ ok: false, reason: "invalid" });
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${p}.`;
    expect(await verifyConnectState(SECRET, none, "driver-1")).toEqual({ ok: false, reason: "invalid" });
  });
});
