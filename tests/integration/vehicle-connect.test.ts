import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startFakeSmartcar, type FakeSmartcar } from "../fakes/smartcar";
import { asDriver, createUser, fakeMeta, testDb } from "../support/factories";

// The real smartcar SDK, configured as in production, against a fake Smartcar.
let smartcar: FakeSmartcar;
let vehicles: typeof import("@/lib/vehicles");

beforeAll(async () => {
  smartcar = await startFakeSmartcar({ redirectUri: "http://localhost:3000/api/smartcar/callback" });
  vi.stubEnv("SMARTCAR_CLIENT_ID", smartcar.clientId);
  vi.stubEnv("SMARTCAR_CLIENT_SECRET", smartcar.clientSecret);
  vi.stubEnv("SMARTCAR_AUTH_ORIGIN", smartcar.authOrigin);
  vi.stubEnv("SMARTCAR_API_ORIGIN", smartcar.apiOrigin);
  vehicles = await import("@/lib/vehicles");
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await smartcar.close();
  await testDb.$disconnect();
});

const stateFrom = (url: string) => new URL(url).searchParams.get("state")!;

describe("Smartcar connect", () => {
  it("connects a car with tokens encrypted at rest, then refuses it to a second driver", async () => {
    const driver = await createUser();
    const url = await vehicles.startVehicleConnect(asDriver(driver.id));
    expect(new URL(url).searchParams.get("client_id")).toBe(smartcar.clientId);
    const connected = await vehicles.completeVehicleConnect(
      asDriver(driver.id),
      { code: smartcar.issuedCode(), state: stateFrom(url) },
      fakeMeta(),
    );
    expect(connected).toHaveLength(1);
    const conn = await testDb.vehicleConnection.findFirstOrThrow({
      where: { userId: driver.id },
      omit: { accessTokenEnc: false, refreshTokenEnc: false },
    });
    expect(conn.accessTokenEnc).toMatch(/^v1\./);
    expect(conn.provider).toBe("SMARTCAR");

    const other = await createUser();
    const otherUrl = await vehicles.startVehicleConnect(asDriver(other.id));
    await expect(
      vehicles.completeVehicleConnect(
        asDriver(other.id),
        { code: smartcar.issuedCode(), state: stateFrom(otherUrl) },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "vehicle_taken", status: 409 });
    expect(await testDb.vehicle.count({ where: { userId: other.id } })).toBe(0);
    expect(await testDb.vehicleConnection.count({ where: { userId: other.id } })).toBe(0);
  });

  it("refuses a state issued to another driver, a forged one, and an expired one", async () => {
    const alice = await createUser();
    const bob = await createUser();
    const aliceState = stateFrom(await vehicles.startVehicleConnect(asDriver(alice.id)));
    await expect(
      vehicles.completeVehicleConnect(asDriver(bob.id), { code: smartcar.issuedCode(), state: aliceState }, fakeMeta()),
    ).rejects.toMatchObject({ code: "state_other_user" });
    await expect(
      vehicles.completeVehicleConnect(
        asDriver(bob.id),
        { code: smartcar.issuedCode(), state: "forged.state.value" },
        fakeMeta(),
      ),
    ).rejects.toMatchObject({ code: "state_invalid" });
    const old = await vehicles.signConnectState(
      process.env.NEXTAUTH_SECRET ?? "dev-only-auth-secret-change-me-0123456789",
      bob.id,
      new Date(Date.now() - 11 * 60_000),
    );
    await expect(
      vehicles.completeVehicleConnect(asDriver(bob.id), { code: smartcar.issuedCode(), state: old }, fakeMeta()),
    ).rejects.toMatchObject({ code: "state_expired" });
  });

  it("refreshes a token before it expires, and only once when asked concurrently", async () => {
    const driver = await createUser();
    smartcar.vehicles.clear();
    smartcar.vehicles.set("veh-refresh", {
      id: "veh-refresh",
      make: "FORD",
      model: "Mustang Mach-E",
      year: 2024,
      percentRemaining: 0.4,
      range: 200,
      isPluggedIn: true,
      state: "CHARGING",
      latitude: 30.3,
      longitude: -97.7,
    });
    const state = stateFrom(await vehicles.startVehicleConnect(asDriver(driver.id)));
    await vehicles.completeVehicleConnect(asDriver(driver.id), { code: smartcar.issuedCode(), state }, fakeMeta());
    const conn = await testDb.vehicleConnection.findFirstOrThrow({ where: { userId: driver.id } });
    await testDb.vehicleConnection.update({
      where: { id: conn.id },
      data: { expiresAt: new Date(Date.now() + 60_000) },
    });
    const before = smartcar.requests.filter((r) => r.path.includes("/oauth/token")).length;
    const tokens = await Promise.all(Array.from({ length: 5 }, () => vehicles.unsafeAccessTokenFor(conn.id)));
    expect(new Set(tokens).size).toBe(1);
    expect(smartcar.requests.filter((r) => r.path.includes("/oauth/token")).length - before).toBe(1);
    const after = await testDb.vehicleConnection.findUniqueOrThrow({ where: { id: conn.id } });
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 30 * 60_000);
    const vehicle = await testDb.vehicle.findFirstOrThrow({ where: { userId: driver.id } });
    const state1 = await vehicles.refreshTelemetry(asDriver(driver.id), vehicle.id, { force: true });
    expect(state1.snapshot).toMatchObject({ batteryPercent: 40, chargeState: "CHARGING" });
  });

  it("disconnect revokes at Smartcar and deletes the car and its tokens", async () => {
    const driver = await createUser();
    smartcar.vehicles.clear();
    smartcar.vehicles.set("veh-gone", {
      id: "veh-gone",
      make: "KIA",
      model: "EV6",
      year: 2022,
      percentRemaining: 0.8,
      range: 350,
      isPluggedIn: false,
      state: "NOT_CHARGING",
      latitude: 30.3,
      longitude: -97.7,
    });
    const state = stateFrom(await vehicles.startVehicleConnect(asDriver(driver.id)));
    const [car] = (
      await vehicles.completeVehicleConnect(asDriver(driver.id), { code: smartcar.issuedCode(), state }, fakeMeta())
    ).filter(Boolean);
    const mine = await testDb.vehicle.findFirstOrThrow({ where: { userId: driver.id, providerVehicleId: "veh-gone" } });
    await vehicles.disconnectVehicle(asDriver(driver.id), mine.id, fakeMeta());
    expect(smartcar.disconnected).toContain("veh-gone");
    expect(await testDb.vehicle.count({ where: { userId: driver.id } })).toBe(0);
    expect(car).toBeTruthy();
  });
});
