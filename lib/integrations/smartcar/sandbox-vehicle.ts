import { createHash, randomBytes } from "node:crypto";
import { AuthRevoked, InvalidCode, ProviderRejected } from "./errors";
import type { ChargeState, Telemetry, Tokens, VehicleProvider } from "./types";

/** The simulated car between requests: battery as of `since`, and whether it has been charging since then. */
export type SandboxCarState = {
  vehicleId: string;
  batteryPercent: number;
  charging: boolean;
  since: string;
  latitude: number;
  longitude: number;
  revoked: boolean;
};

/** Where the car's state survives a restart or another instance (a database table, Redis); memory alone otherwise. */
export interface SandboxCarStore {
  load(vehicleId: string): Promise<SandboxCarState | null>;
  save(state: SandboxCarState): Promise<void>;
}

export type SandboxChargingInput = { charging: boolean; latitude?: number; longitude?: number };

export type SandboxVehicleDeps = {
  store?: SandboxCarStore;
  /** Shared across instances (index.ts keeps one on globalThis so dev reloads keep the car). */
  memory?: Map<string, SandboxCarState>;
  now?: () => Date;
  /** Prefix for the connect page URL; empty gives a path. */
  appUrl?: string;
};

export type SandboxVehicleProvider = VehicleProvider & {
  setCharging(vehicleId: string, input: SandboxChargingInput): Promise<Telemetry>;
};

const PERCENT_PER_MINUTE = 1;
const KM_PER_PERCENT = 4.9; // a Model 3 Long Range: ~490 km on a full battery
const START = { batteryPercent: 54, latitude: 30.2672, longitude: -97.7431 };
const ACCESS_TTL_MS = 2 * 3600_000;
const REFRESH_TTL_MS = 60 * 24 * 3600_000;
const CAR = { make: "Tesla", model: "Model 3", year: 2023 };

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const nonce = () => randomBytes(9).toString("base64url");

// Tokens name a stable subject, so the car keeps its id across refreshes: `sbx-at.<subject>.<expiresMs>.<nonce>`.
const vehicleIdFor = (subject: string) => `sandbox-${sha(`vehicle:${subject}`).slice(0, 16)}`;

function subjectOf(token: string, kind: "at" | "rt", now: Date): string {
  const [prefix, subject, expires] = token.split(".");
  if (prefix !== `sbx-${kind}` || !subject) throw new AuthRevoked();
  if (kind === "at" && !(Number(expires) > now.getTime())) throw new AuthRevoked();
  return subject;
}

function batteryAt(state: SandboxCarState, at: Date): number {
  if (!state.charging) return state.batteryPercent;
  const minutes = Math.max(0, (at.getTime() - Date.parse(state.since)) / 60_000);
  return Math.min(100, state.batteryPercent + minutes * PERCENT_PER_MINUTE);
}

/** A car that needs no keys: one Tesla per grant, charging ~1% per minute of wall time while "plugged in". */
export function createSandboxVehicle(deps: SandboxVehicleDeps = {}): SandboxVehicleProvider {
  const { store, memory = new Map<string, SandboxCarState>(), now = () => new Date(), appUrl = "" } = deps;

  async function load(vehicleId: string): Promise<SandboxCarState> {
    const found = (store ? await store.load(vehicleId) : null) ?? memory.get(vehicleId);
    return found ?? { vehicleId, ...START, charging: false, since: now().toISOString(), revoked: false };
  }
  async function save(state: SandboxCarState): Promise<void> {
    memory.set(state.vehicleId, state);
    await store?.save(state);
  }

  function telemetry(state: SandboxCarState, at: Date): Telemetry {
    const battery = batteryAt(state, at);
    const chargeState: ChargeState = !state.charging ? "NOT_CHARGING" : battery >= 100 ? "FULLY_CHARGED" : "CHARGING";
    return {
      batteryPercent: Math.round(battery * 10) / 10,
      rangeKm: Math.round(battery * KM_PER_PERCENT),
      pluggedIn: state.charging,
      chargeState,
      latitude: state.latitude,
      longitude: state.longitude,
      capturedAt: at,
    };
  }

  async function grantedCar(accessToken: string, vehicleId?: string): Promise<SandboxCarState> {
    const own = vehicleIdFor(subjectOf(accessToken, "at", now()));
    if (vehicleId !== undefined && vehicleId !== own)
      throw new ProviderRejected({ status: 404, providerType: "RESOURCE_NOT_FOUND" });
    const state = await load(own);
    if (state.revoked) throw new AuthRevoked({ status: 401, providerType: "AUTHENTICATION" });
    return state;
  }

  function issue(subject: string): Tokens {
    const at = now().getTime();
    return {
      accessToken: `sbx-at.${subject}.${at + ACCESS_TTL_MS}.${nonce()}`,
      refreshToken: `sbx-rt.${subject}.${nonce()}`,
      expiresAt: new Date(at + ACCESS_TTL_MS),
      refreshExpiresAt: new Date(at + REFRESH_TTL_MS),
    };
  }

  return {
    kind: "SANDBOX",

    authorizeUrl(state) {
      return `${appUrl.replace(/\/+$/, "")}/app/car/sandbox-connect?${new URLSearchParams({ state })}`;
    },

    async exchangeCode(code) {
      if (!code.startsWith("sandbox-") || code.length <= 8 || code.length > 512)
        throw new InvalidCode({ status: 400, providerType: "invalid_grant" });
      const subject = sha(`code:${code}`).slice(0, 24);
      // A new grant for a car that was disconnected earlier brings it back.
      const car = await load(vehicleIdFor(subject));
      if (car.revoked) await save({ ...car, revoked: false });
      return issue(subject);
    },

    async refresh(refreshToken) {
      const subject = subjectOf(refreshToken, "rt", now());
      if ((await load(vehicleIdFor(subject))).revoked)
        throw new AuthRevoked({ status: 400, providerType: "invalid_grant" });
      return issue(subject);
    },

    async listVehicles(accessToken) {
      const car = await grantedCar(accessToken);
      return [{ id: car.vehicleId, ...CAR }];
    },

    async readTelemetry(accessToken, vehicleId) {
      return telemetry(await grantedCar(accessToken, vehicleId), now());
    },

    async revoke(accessToken, vehicleId) {
      const car = await grantedCar(accessToken, vehicleId);
      await save({ ...car, charging: false, revoked: true });
    },

    async setCharging(vehicleId, input) {
      if (!vehicleId.startsWith("sandbox-"))
        throw new ProviderRejected({ status: 404, providerType: "RESOURCE_NOT_FOUND" });
      const at = now();
      const car = await load(vehicleId);
      const next: SandboxCarState = {
        ...car,
        // Freeze what it charged so far; from here the battery rises (or holds) from this value.
        batteryPercent: batteryAt(car, at),
        charging: input.charging,
        since: at.toISOString(),
        latitude: input.latitude ?? car.latitude,
        longitude: input.longitude ?? car.longitude,
      };
      await save(next);
      return telemetry(next, at);
    },
  };
}
