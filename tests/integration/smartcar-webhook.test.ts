import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call } from "../support/request";
import { createUser, testDb, uid } from "../support/factories";
import { onPostgresServer } from "../support/env";

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

/** A VEHICLE_STATE delivery in Smartcar's version-4 envelope. */
function event(
  providerVehicleId: string,
  percent: number,
  at: Date,
  { eventId = randomUUID(), energyAddedKwh }: { eventId?: string; energyAddedKwh?: number } = {},
) {
  const meta = { retrievedAt: at.getTime(), oemUpdatedAt: at.getTime() };
  const ok = { value: "SUCCESS" };
  const signals = [
    { code: "tractionbattery-stateofcharge", body: { unit: "percent", value: percent }, status: ok, meta },
    { code: "tractionbattery-range", body: { unit: "kilometers", value: 250 }, status: ok, meta },
    { code: "charge-ischarging", body: { value: true }, status: ok, meta },
    { code: "charge-ischargingcableconnected", body: { value: true }, status: ok, meta },
    { code: "location-preciselocation", body: { latitude: 30.3, longitude: -97.7 }, status: ok, meta },
    { code: "location-isathome", status: { value: "ERROR", error: { code: "VEHICLE_NOT_CAPABLE" } } },
  ];
  if (energyAddedKwh !== undefined)
    signals.push({
      code: "charge-energyadded",
      body: { unit: "kilowattHours", value: energyAddedKwh },
      status: ok,
      meta,
    });
  return JSON.stringify({
    eventId,
    eventType: "VEHICLE_STATE",
    vehicleId: providerVehicleId,
    data: { vehicle: { id: providerVehicleId, make: "TESLA", model: "Model 3", year: 2024 }, signals },
    triggers: [{ type: "SIGNAL_UPDATED", signal: { code: "tractionbattery-stateofcharge" } }],
    meta: { version: "4.0", deliveryId: randomUUID(), deliveredAt: Date.now(), webhookId: "wh-1", mode: "LIVE" },
  });
}

async function smartcarVehicle() {
  const driver = await createUser();
  const providerVehicleId = `veh-${uid()}`;
  const vehicle = await testDb.vehicle.create({ data: { userId: driver.id, provider: "SMARTCAR", providerVehicleId } });
  return { vehicle, providerVehicleId };
}
const snapshots = (vehicleId: string) => testDb.telemetrySnapshot.count({ where: { vehicleId } });
const storedEvent = (eventId: string) =>
  testDb.webhookEvent.findUnique({ where: { provider_eventId: { provider: "SMARTCAR", eventId } } });

/** Makes storing this car's readings fail inside the webhook's transaction, until `heal` is called. */
async function breakTelemetryFor(vehicleId: string) {
  const name = `fail_${uid().replace(/-/g, "")}`;
  await testDb.$executeRawUnsafe(`
    CREATE FUNCTION ${name}() RETURNS trigger AS $$
    BEGIN
      IF NEW."vehicleId" = '${vehicleId}' THEN RAISE EXCEPTION 'injected telemetry failure'; END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await testDb.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "TelemetrySnapshot" FOR EACH ROW EXECUTE FUNCTION ${name}()`,
  );
  return async function heal() {
    await testDb.$executeRawUnsafe(`DROP TRIGGER ${name} ON "TelemetrySnapshot"`);
    await testDb.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

describe("Smartcar webhooks", () => {
  it("refuses a missing or wrong signature with 400 and stores nothing", async () => {
    const { vehicle, providerVehicleId } = await smartcarVehicle();
    const body = event(providerVehicleId, 50, new Date());
    expect((await deliver(body, "")).status).toBe(400);
    expect((await deliver(body, sign(body + "tampered"))).status).toBe(400);
    expect((await deliver("not json", sign("not json"))).status).toBe(400);
    const noId = JSON.stringify({ eventType: "VEHICLE_STATE", data: { signals: [] } });
    expect((await deliver(noId)).status).toBe(400);
    expect(await snapshots(vehicle.id)).toBe(0);
  });

  it("answers the verify challenge, every time it is sent", async () => {
    const body = JSON.stringify({
      eventId: randomUUID(),
      eventType: "VERIFY",
      data: { challenge: "abc123" },
      meta: { version: "4.0" },
    });
    const expected = { challenge: createHmac("sha256", SECRET).update("abc123").digest("hex") };
    expect(await (await deliver(body)).json()).toEqual(expected);
    expect(await (await deliver(body)).json()).toEqual(expected);
  });

  it("acknowledges an event type it does not act on without storing it", async () => {
    const eventId = randomUUID();
    const body = JSON.stringify({ eventId, eventType: "VEHICLE_ERROR", vehicleId: "v", data: {} });
    const res = await deliver(body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ignored: true });
    expect(await storedEvent(eventId)).toBeNull();
  });

  it("updates the cache; a duplicate changes nothing and an older reading does not replace a newer one", async () => {
    const { vehicle, providerVehicleId } = await smartcarVehicle();
    const newer = event(providerVehicleId, 80, new Date(), { energyAddedKwh: 12.5 });
    const older = event(providerVehicleId, 30, new Date(Date.now() - 3600_000));
    expect(await (await deliver(newer)).json()).toEqual({ stored: 1 });
    expect(await (await deliver(newer)).json()).toEqual({ duplicate: true });
    expect(await (await deliver(older)).json()).toEqual({ stored: 1 });
    expect(await snapshots(vehicle.id)).toBe(2);
    const latest = await testDb.telemetrySnapshot.findFirstOrThrow({
      where: { vehicleId: vehicle.id },
      orderBy: { capturedAt: "desc" },
    });
    expect(latest).toMatchObject({
      batteryPercent: 80,
      rangeKm: 250,
      pluggedIn: true,
      chargeState: "CHARGING",
      latitude: 30.3,
      energyAddedKwh: 12.5,
      source: "webhook",
    });
  });

  it("a delivery whose handling failed is not marked seen: 5xx, and the redelivery is handled", async () => {
    const { vehicle, providerVehicleId } = await smartcarVehicle();
    const eventId = randomUUID();
    const body = event(providerVehicleId, 64, new Date(), { eventId });
    const heal = await breakTelemetryFor(vehicle.id);
    try {
      const failed = await deliver(body);
      expect(failed.status).toBe(500);
      expect((await failed.json()).error.code).toBe("webhook_failed");
      expect(await storedEvent(eventId)).toBeNull();
      expect(await snapshots(vehicle.id)).toBe(0);
    } finally {
      await heal();
    }
    const redelivered = await deliver(body);
    expect(redelivered.status).toBe(200);
    expect(await redelivered.json()).toEqual({ stored: 1 });
    expect(await snapshots(vehicle.id)).toBe(1);
    expect((await storedEvent(eventId))?.processedAt).toBeInstanceOf(Date);

    // a duplicate of the handled delivery: 2xx and nothing changes
    const again = await deliver(body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ duplicate: true });
    expect(await snapshots(vehicle.id)).toBe(1);
  });

  it("dedupes on Smartcar's event id, not on the body: the same reading under another id is a new delivery", async () => {
    const { vehicle, providerVehicleId } = await smartcarVehicle();
    const at = new Date();
    const first = event(providerVehicleId, 70, at, { eventId: "evt-a-" + uid() });
    const second = first.replace(/"eventId":"[^"]+"/, `"eventId":"evt-b-${uid()}"`);
    expect(await (await deliver(first)).json()).toEqual({ stored: 1 });
    expect(await (await deliver(second)).json()).toEqual({ stored: 1 });
    expect(await snapshots(vehicle.id)).toBe(2);
  });

  it.runIf(onPostgresServer)("concurrent redeliveries of one event are handled once", async () => {
    const { vehicle, providerVehicleId } = await smartcarVehicle();
    const body = event(providerVehicleId, 55, new Date());
    const answers = await Promise.all(Array.from({ length: 12 }, () => deliver(body)));
    expect(answers.map((r) => r.status)).toEqual(Array(12).fill(200));
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(bodies.filter((b) => b.stored === 1)).toHaveLength(1);
    expect(bodies.filter((b) => b.duplicate === true)).toHaveLength(11);
    expect(await snapshots(vehicle.id)).toBe(1);
  });
});
