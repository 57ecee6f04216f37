import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AuthRevoked, InvalidCode, ProviderUnavailable, RateLimited } from "@/lib/integrations/smartcar/errors";
import { createSmartcarClient, type SmartcarClientOptions } from "@/lib/integrations/smartcar/smartcar-client";
import type { Tokens } from "@/lib/integrations/smartcar/types";
import { startFakeSmartcar, type FakeSmartcar } from "../fakes/smartcar";

const REDIRECT_URI = "http://localhost:3000/api/smartcar/callback";
const LIST_PATH = "/v2.0/vehicles/"; // sic: the SDK's getVehicles adds the trailing slash
const ORIGIN_VARS = ["SMARTCAR_AUTH_ORIGIN", "SMARTCAR_API_ORIGIN"] as const;

const caught = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a rejection");
    },
    (err: unknown) => err,
  );

describe("Smartcar client (real SDK against the fake)", () => {
  let fake: FakeSmartcar;
  let carId: string;
  const saved = Object.fromEntries(ORIGIN_VARS.map((k) => [k, process.env[k]]));
  const clients: Array<{ shutdown(): void }> = [];

  /** A client with fresh circuit breakers; short backoff so failure tests stay quick. */
  function client(policy: SmartcarClientOptions["policy"] = {}) {
    const c = createSmartcarClient({
      clientId: fake.clientId,
      clientSecret: fake.clientSecret,
      redirectUri: REDIRECT_URI,
      policy: { minBackoffMs: 10, maxBackoffMs: 50, ...policy },
    });
    clients.push(c);
    return c;
  }
  const connect = (): Promise<Tokens> => client().exchangeCode(fake.issuedCode());
  const hits = (path: string) => fake.requests.filter((r) => r.path === path).length;

  beforeAll(async () => {
    fake = await startFakeSmartcar({ redirectUri: REDIRECT_URI });
    // The SDK reads these when its objects are built: before any client exists.
    process.env.SMARTCAR_AUTH_ORIGIN = fake.authOrigin;
    process.env.SMARTCAR_API_ORIGIN = fake.apiOrigin;
    carId = [...fake.vehicles.keys()][0];
  });
  afterEach(() => {
    fake.clearFailures();
    for (const c of clients.splice(0)) c.shutdown();
  });
  afterAll(async () => {
    for (const k of ORIGIN_VARS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await fake.close();
  });

  it("builds the Connect URL with client id, redirect, scope and state, and completes the flow", async () => {
    const url = new URL(client().authorizeUrl("state-123"));
    expect(url.origin + url.pathname).toBe(`${fake.apiOrigin}/oauth/authorize`); // the SDK puts Connect on the API origin
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: "code",
      client_id: fake.clientId,
      redirect_uri: REDIRECT_URI,
      state: "state-123",
      mode: "live",
      scope: "read_vehicle_info read_battery read_charge read_location",
    });

    const res = await fetch(url, { redirect: "manual" });
    const back = new URL(res.headers.get("location")!);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    expect(back.searchParams.get("state")).toBe("state-123");
    const tokens = await client().exchangeCode(back.searchParams.get("code")!);
    expect(tokens.accessToken).toBeTruthy();
  });

  it("exchanges a code once, and calls a used or unknown code InvalidCode", async () => {
    const code = fake.issuedCode();
    const before = Date.now();
    const tokens = await client().exchangeCode(code);
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresAt: expect.any(Date),
      refreshExpiresAt: expect.any(Date),
    });
    expect(tokens.expiresAt.getTime() - before).toBeGreaterThanOrEqual(7200_000 - 1000);
    expect(tokens.refreshExpiresAt!.getTime() - before).toBeGreaterThan(59 * 24 * 3600_000);
    expect(await caught(client().exchangeCode(code))).toBeInstanceOf(InvalidCode);
    expect(await caught(client().exchangeCode("nope"))).toBeInstanceOf(InvalidCode);
  });

  it("refreshes (rotating the refresh token) and calls a spent refresh token AuthRevoked", async () => {
    const first = await connect();
    const second = await client().refresh(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(await client().listVehicles(second.accessToken)).toHaveLength(1);
    expect(await caught(client().refresh(first.refreshToken))).toBeInstanceOf(AuthRevoked);
  });

  it("lists the driver's vehicles with their attributes", async () => {
    const { accessToken } = await connect();
    expect(await client().listVehicles(accessToken)).toEqual([
      { id: carId, make: "TESLA", model: "Model 3", year: 2023 },
    ]);
  });

  it("maps battery, charge and location into Telemetry", async () => {
    const { accessToken } = await connect();
    const dataAge = new Date(Date.now() - 90_000);
    fake.setTelemetry(carId, {
      percentRemaining: 0.62,
      range: 301.5,
      isPluggedIn: true,
      state: "CHARGING",
      latitude: 30.4021,
      longitude: -97.7253,
      dataAge,
    });
    expect(await client().readTelemetry(accessToken, carId)).toEqual({
      batteryPercent: 62,
      rangeKm: 301.5,
      pluggedIn: true,
      chargeState: "CHARGING",
      latitude: 30.4021,
      longitude: -97.7253,
      capturedAt: new Date(dataAge.toISOString()),
    });
  });

  it("reads a part the driver did not grant (403 PERMISSION) as null instead of failing", async () => {
    const { accessToken } = await connect();
    fake.setTelemetry(carId, {
      denied: ["location"],
      percentRemaining: 0.5,
      state: "NOT_CHARGING",
      isPluggedIn: false,
    });
    try {
      expect(await client().readTelemetry(accessToken, carId)).toMatchObject({
        batteryPercent: 50,
        chargeState: "NOT_CHARGING",
        latitude: null,
        longitude: null,
      });
    } finally {
      fake.setTelemetry(carId, { denied: [] });
    }
  });

  it("waits out a 429 with retry-after 1 and then succeeds", async () => {
    const { accessToken } = await connect();
    const before = hits(LIST_PATH);
    fake.failNext("429", { retryAfter: 1 });
    const started = performance.now();
    expect(await client().listVehicles(accessToken)).toHaveLength(1);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(hits(LIST_PATH) - before).toBe(2);
  });

  it("fails at once with RateLimited(60) when asked to wait a minute", async () => {
    const { accessToken } = await connect();
    const before = hits(LIST_PATH);
    fake.failNext("429", { retryAfter: 60 });
    const started = performance.now();
    const err = await caught(client().listVehicles(accessToken));
    expect(err).toBeInstanceOf(RateLimited);
    expect((err as RateLimited).retryAfterSeconds).toBe(60);
    expect(performance.now() - started).toBeLessThan(500);
    expect(hits(LIST_PATH) - before).toBe(1);
  });

  it("retries a transient 500 on a read", async () => {
    const { accessToken } = await connect();
    const before = hits(LIST_PATH);
    fake.failNext("500");
    expect(await client().listVehicles(accessToken)).toHaveLength(1);
    expect(hits(LIST_PATH) - before).toBe(2);
  });

  it("gives up on a silent provider after its timeout with ProviderUnavailable, without retrying", async () => {
    const { accessToken } = await connect();
    const before = hits(LIST_PATH);
    fake.failNext("timeout");
    const started = performance.now();
    const err = await caught(client({ timeoutMs: 300 }).listVehicles(accessToken));
    expect(err).toBeInstanceOf(ProviderUnavailable);
    expect((err as ProviderUnavailable).reason).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(1000);
    expect(hits(LIST_PATH) - before).toBe(1);
  });

  it("opens the circuit after repeated 500s and then fails fast without calling Smartcar", async () => {
    const { accessToken } = await connect();
    const sc = client({ breaker: { volumeThreshold: 4 } });
    fake.failNext("500", { times: 100 });
    const reasons: string[] = [];
    for (let i = 0; i < 6 && reasons.at(-1) !== "circuit_open"; i++) {
      const err = await caught(sc.listVehicles(accessToken));
      expect(err).toBeInstanceOf(ProviderUnavailable);
      reasons.push((err as ProviderUnavailable).reason);
    }
    expect(reasons[0]).toBe("server_error");
    expect(reasons.at(-1)).toBe("circuit_open");

    fake.clearFailures(); // Smartcar is back, but the breaker has not tried it yet
    const requestsBefore = fake.requests.length;
    const started = performance.now();
    const err = await caught(sc.listVehicles(accessToken));
    expect(performance.now() - started).toBeLessThan(50);
    expect(err).toMatchObject({ reason: "circuit_open" });
    expect(fake.requests.length).toBe(requestsBefore);
    // Families are separate: token calls still go through.
    await expect(sc.exchangeCode(fake.issuedCode())).resolves.toMatchObject({ accessToken: expect.any(String) });
  });

  it("reports a revoked token as AuthRevoked, which does not trip the breaker", async () => {
    const { accessToken } = await connect();
    const sc = client({ breaker: { volumeThreshold: 4 } });
    fake.failNext("revoked");
    const err = await caught(sc.readTelemetry(accessToken, carId));
    expect(err).toBeInstanceOf(AuthRevoked);
    expect(err).toMatchObject({ status: 401, providerType: "AUTHENTICATION" });

    for (let i = 0; i < 8; i++) expect(await caught(sc.listVehicles("not-a-token"))).toBeInstanceOf(AuthRevoked);
    expect(await sc.listVehicles(accessToken)).toHaveLength(1);
  });

  it("disconnects a vehicle with DELETE …/application", async () => {
    const { accessToken } = await connect();
    await client().revoke(accessToken, carId);
    expect(fake.requests.at(-1)).toEqual({
      origin: "api",
      method: "DELETE",
      path: `/v2.0/vehicles/${carId}/application`,
    });
    expect(fake.disconnected).toContain(carId);
    expect(await client().listVehicles(accessToken)).toEqual([]);
  });
});
