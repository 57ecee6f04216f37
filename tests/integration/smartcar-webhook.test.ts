import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../support/request";
import { createUser, testDb, uid } from "../support/factories";

const SECRET = "sc-webhook-secret-test";
let POST: typeof import("@/app/api/webhooks/smartcar/route").POST;

beforeAll(async () => {
  vi.stubEnv("SMARTCAR_WEBHOOK_SECRET", SECRET);
  ({ POST } = await import("@/app/api/webhooks/smartcar/route"));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await testDb.$disconnect();
});

const sign = (body: string) => createHmac("sha256", SECRET).update(body).digest("hex");
const deliver = (body: string, signature = sign(body)) =>
  call(POST, {
    method: "POST",
    path: "/api/webhooks/smartcar",
    body,
    headers: { "sc-signature": signature, "content-type": "application/json" },
  });

function event(providerVehicleId: string, percent: number, timestamp: string) {
  return JSON.stringify({
    version: "2.0",
    webhookId: "wh-1",
    eventName: "schedule",
    payload: {
      timestamp,
      vehicles: [
        {
          vehicleId: providerVehicleId,
          data: [
            { path: "/battery", code: 200, body: { percentRemaining: percent, range: 250 } },
            { path: "/charge", code: 200, body: { isPluggedIn: true, state: "CHARGING" } },
            { path: "/location", code: 200, body: { latitude: 30.3, longitude: -97.7 } },
          ],
        },
      ],
    },
  });
}

describe("Smartcar webhooks", () => {
  it("refuses a missing or wrong signature with 400 and stores nothing", async () => {
    const body = event("veh-x", 0.5, new Date().toISOString());
    expect((await deliver(body, "")).status).toBe(400);
    expect((await deliver(body, sign(body + "tampered"))).status).toBe(400);
    expect((await deliver("not json", sign("not json"))).status).toBe(400);
  });

  it("answers the verify challenge", async () => {
    const body = JSON.stringify({ eventName: "verify", payload: { challenge: "abc123" } });
    const res = await deliver(body);
    expect(await res.json()).toEqual({ challenge: createHmac("sha256", SECRET).update("abc123").digest("hex") });
  });

  it("updates the cache; a duplicate changes nothing and an older reading does not replace a newer one", async () => {
    const driver = await createUser();
    const providerVehicleId = `veh-${uid()}`;
    const vehicle = await testDb.vehicle.create({
      data: { userId: driver.id, provider: "SMARTCAR", providerVehicleId },
    });
    const newer = event(providerVehicleId, 0.8, new Date().toISOString());
    const older = event(providerVehicleId, 0.3, new Date(Date.now() - 3600_000).toISOString());
    expect(await (await deliver(newer)).json()).toEqual({ stored: 1 });
    expect(await (await deliver(newer)).json()).toEqual({ duplicate: true });
    expect(await (await deliver(older)).json()).toEqual({ stored: 1 });
    expect(await testDb.telemetrySnapshot.count({ where: { vehicleId: vehicle.id } })).toBe(2);
    const latest = await testDb.telemetrySnapshot.findFirstOrThrow({
      where: { vehicleId: vehicle.id },
      orderBy: { capturedAt: "desc" },
    });
    expect(latest).toMatchObject({ batteryPercent: 80, chargeState: "CHARGING", source: "webhook" });
  });
});
