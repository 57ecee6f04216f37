import { describe, expect, it } from "vitest";
import { AuthRevoked, InvalidCode, ProviderRejected } from "@/lib/integrations/smartcar/errors";
import {
  createSandboxVehicle,
  type SandboxCarState,
  type SandboxCarStore,
} from "@/lib/integrations/smartcar/sandbox-vehicle";

const CHARGER = { latitude: 30.4021, longitude: -97.7253 };

function clock(start = new Date("2026-03-01T10:00:00Z")) {
  let t = start.getTime();
  return { now: () => new Date(t), advanceMinutes: (m: number) => void (t += m * 60_000) };
}

async function connected(deps: Parameters<typeof createSandboxVehicle>[0] = {}, code = "sandbox-driver-1") {
  const sandbox = createSandboxVehicle(deps);
  const tokens = await sandbox.exchangeCode(code);
  const [car] = await sandbox.listVehicles(tokens.accessToken);
  return { sandbox, tokens, car };
}

describe("sandbox vehicle", () => {
  it("points Connect at the in-app sandbox page with the state", () => {
    const sandbox = createSandboxVehicle({ appUrl: "http://localhost:3000/" });
    expect(sandbox.authorizeUrl("st/ate+1")).toBe("http://localhost:3000/app/car/sandbox-connect?state=st%2Fate%2B1");
    expect(createSandboxVehicle().authorizeUrl("abc")).toBe("/app/car/sandbox-connect?state=abc");
  });

  it("accepts only sandbox codes and lists one car", async () => {
    const c = clock();
    const { sandbox, tokens, car } = await connected({ now: c.now });
    await expect(sandbox.exchangeCode("real-looking-code")).rejects.toBeInstanceOf(InvalidCode);
    expect(car).toEqual({
      id: expect.stringMatching(/^sandbox-[0-9a-f]{16}$/),
      make: "Tesla",
      model: "Model 3",
      year: 2023,
    });
    expect(tokens.expiresAt.getTime() - c.now().getTime()).toBe(2 * 3600_000);
    expect(tokens.refreshExpiresAt).toBeInstanceOf(Date);
  });

  it("keeps the same car across a refresh, and refuses expired or foreign tokens", async () => {
    const c = clock();
    const { sandbox, tokens, car } = await connected({ now: c.now });
    const refreshed = await sandbox.refresh(tokens.refreshToken);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect((await sandbox.listVehicles(refreshed.accessToken))[0].id).toBe(car.id);

    c.advanceMinutes(121);
    await expect(sandbox.readTelemetry(tokens.accessToken, car.id)).rejects.toBeInstanceOf(AuthRevoked);
    await expect(sandbox.listVehicles("someone-elses-token")).rejects.toBeInstanceOf(AuthRevoked);
    const other = await sandbox.exchangeCode("sandbox-driver-2");
    await expect(sandbox.readTelemetry(other.accessToken, car.id)).rejects.toBeInstanceOf(ProviderRejected);
  });

  it("holds its battery while parked", async () => {
    const c = clock();
    const { sandbox, tokens, car } = await connected({ now: c.now });
    const first = await sandbox.readTelemetry(tokens.accessToken, car.id);
    c.advanceMinutes(45);
    const later = await sandbox.readTelemetry(tokens.accessToken, car.id);
    expect(first).toMatchObject({ batteryPercent: 54, chargeState: "NOT_CHARGING", pluggedIn: false });
    expect(later.batteryPercent).toBe(54);
    expect(later.capturedAt).toEqual(c.now());
  });

  it("charges ~1% per minute at the charger's location, up to 100%, and freezes when unplugged", async () => {
    const c = clock();
    const { sandbox, tokens, car } = await connected({ now: c.now });
    await sandbox.setCharging(car.id, { charging: true, ...CHARGER });

    c.advanceMinutes(10);
    expect(await sandbox.readTelemetry(tokens.accessToken, car.id)).toMatchObject({
      batteryPercent: 64,
      chargeState: "CHARGING",
      pluggedIn: true,
      rangeKm: Math.round(64 * 4.9),
      ...CHARGER,
    });

    c.advanceMinutes(0.5);
    expect((await sandbox.readTelemetry(tokens.accessToken, car.id)).batteryPercent).toBe(64.5);

    c.advanceMinutes(20.5);
    const stopped = await sandbox.setCharging(car.id, { charging: false });
    expect(stopped).toMatchObject({ batteryPercent: 85, chargeState: "NOT_CHARGING", pluggedIn: false, ...CHARGER });
    c.advanceMinutes(30);
    expect((await sandbox.readTelemetry(tokens.accessToken, car.id)).batteryPercent).toBe(85);

    const fresh = await sandbox.refresh(tokens.refreshToken); // the first access token is near its 2 h expiry
    await sandbox.setCharging(car.id, { charging: true, ...CHARGER });
    c.advanceMinutes(60);
    expect(await sandbox.readTelemetry(fresh.accessToken, car.id)).toMatchObject({
      batteryPercent: 100,
      chargeState: "FULLY_CHARGED",
    });
  });

  it("survives a new instance through the injected store", async () => {
    const c = clock();
    const saved = new Map<string, SandboxCarState>();
    const store: SandboxCarStore = {
      load: async (id) => saved.get(id) ?? null,
      save: async (state) => void saved.set(state.vehicleId, structuredClone(state)),
    };
    const { sandbox, tokens, car } = await connected({ now: c.now, store });
    await sandbox.setCharging(car.id, { charging: true, ...CHARGER });
    c.advanceMinutes(5);

    const afterRestart = createSandboxVehicle({ now: c.now, store }); // fresh memory, same store
    expect(await afterRestart.readTelemetry(tokens.accessToken, car.id)).toMatchObject({
      batteryPercent: 59,
      chargeState: "CHARGING",
    });
  });

  it("refuses the grant after a disconnect until the driver connects again", async () => {
    const { sandbox, tokens, car } = await connected();
    await sandbox.revoke(tokens.accessToken, car.id);
    await expect(sandbox.readTelemetry(tokens.accessToken, car.id)).rejects.toBeInstanceOf(AuthRevoked);
    await expect(sandbox.refresh(tokens.refreshToken)).rejects.toBeInstanceOf(AuthRevoked);

    const again = await sandbox.exchangeCode("sandbox-driver-1");
    expect((await sandbox.listVehicles(again.accessToken))[0].id).toBe(car.id);
  });
});
