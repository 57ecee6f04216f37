import smartcar from "smartcar";
import { createCallGuard, DEFAULT_CALL_POLICY, type CallOutcome, type CallPolicy } from "./call-guard";
import { classifySmartcarError } from "./classify-error";
import { ProviderRejected } from "./errors";
import type { ChargeState, ProviderVehicle, Telemetry, Tokens, VehicleProvider } from "./types";

export type SmartcarClientOptions = {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  mode?: "live" | "simulated" | "test";
  /** What Connect asks the driver to grant. */
  scope?: string[];
  /** Overrides of DEFAULT_CALL_POLICY (8 s timeout, 2 retries for reads, breaker 50% of ≥10 calls, 30 s). */
  policy?: Partial<Omit<CallPolicy, "breaker">> & { breaker?: Partial<CallPolicy["breaker"]> };
  /** Every call's outcome and latency, for metrics. */
  observe?: (outcome: CallOutcome) => void;
};

export const DEFAULT_SCOPE = ["read_vehicle_info", "read_battery", "read_charge", "read_location"];

const CHARGE_STATES = new Set<ChargeState>(["CHARGING", "FULLY_CHARGED", "NOT_CHARGING"]);

const toTokens = (access: smartcar.Access): Tokens => ({
  accessToken: access.accessToken,
  refreshToken: access.refreshToken,
  expiresAt: access.expiration,
  refreshExpiresAt: access.refreshExpiration ?? null,
});

/**
 * The SDK's fetch runs on its own 310 s timer, which our breaker timeout cannot cancel. Where the SDK
 * exposes its service object, shorten that timer so an abandoned request frees its socket soon after
 * ours gives up. Best effort: when the internals change, only the socket lingers.
 */
function capSdkTimeout(sdkObject: object, ms: number): void {
  const service = (sdkObject as { service?: { defaultOptions?: { timeout?: number } } }).service;
  if (service?.defaultOptions) service.defaultOptions.timeout = ms;
}

/**
 * Smartcar through the official SDK. Point it elsewhere with SMARTCAR_AUTH_ORIGIN and
 * SMARTCAR_API_ORIGIN, set before this is called (the SDK reads them when objects are built).
 */
export function createSmartcarClient(opts: SmartcarClientOptions): VehicleProvider & { shutdown(): void } {
  const policy: CallPolicy = {
    ...DEFAULT_CALL_POLICY,
    ...opts.policy,
    breaker: { ...DEFAULT_CALL_POLICY.breaker, ...opts.policy?.breaker },
  };
  const guard = createCallGuard({ name: "smartcar", policy, classify: classifySmartcarError, observe: opts.observe });
  const sdkTimeoutMs = policy.timeoutMs + 1_000;
  const scope = opts.scope ?? DEFAULT_SCOPE;

  const auth = new smartcar.AuthClient({
    clientId: opts.clientId,
    clientSecret: opts.clientSecret,
    redirectUri: opts.redirectUri,
    mode: opts.mode ?? "live",
  });
  capSdkTimeout(auth, sdkTimeoutMs);

  const vehicle = (id: string, accessToken: string) => {
    const v = new smartcar.Vehicle(id, accessToken, { unitSystem: "metric" });
    capSdkTimeout(v, sdkTimeoutMs);
    return v;
  };
  const read = <T>(family: string, operation: string, call: () => Promise<T>) =>
    guard.run(family, operation, call, { idempotent: true });
  /** A part of the telemetry the car or the grant does not offer (permission, asleep, incompatible) reads as null. */
  const optional = <T>(p: Promise<T>): Promise<T | null> =>
    p.catch((err: unknown) => (err instanceof ProviderRejected ? null : Promise.reject(err)));

  return {
    kind: "SMARTCAR",

    authorizeUrl(state) {
      return auth.getAuthUrl(scope, { state });
    },

    // Never retried: an authorization code works once, and a rotated refresh token is gone.
    async exchangeCode(code) {
      return toTokens(await guard.run("token", "exchange_code", () => auth.exchangeCode(code), { idempotent: false }));
    },

    async refresh(refreshToken) {
      return toTokens(
        await guard.run("token", "refresh", () => auth.exchangeRefreshToken(refreshToken), { idempotent: false }),
      );
    },

    async listVehicles(accessToken) {
      const { vehicles: ids } = await read("vehicles", "list_vehicles", () =>
        smartcar.getVehicles(accessToken, { limit: 50 }),
      );
      return Promise.all(
        ids.map(async (id): Promise<ProviderVehicle> => {
          const a = await read("vehicles", "vehicle_attributes", () => vehicle(id, accessToken).attributes());
          return { id: a.id ?? id, make: a.make, model: a.model, year: a.year };
        }),
      );
    },

    async readTelemetry(accessToken, vehicleId) {
      const car = vehicle(vehicleId, accessToken);
      const [battery, charge, location] = await Promise.all([
        optional(read("telemetry", "battery", () => car.battery())),
        optional(read("telemetry", "charge", () => car.charge())),
        optional(read("telemetry", "location", () => car.location())),
      ]);
      // The oldest part decides: the reading is no fresher than its stalest field.
      const ages = [battery, charge, location]
        .map((r) => r?.meta?.dataAge?.getTime())
        .filter((t): t is number => Number.isFinite(t));
      const state = charge?.state;
      return {
        batteryPercent:
          typeof battery?.percentRemaining === "number" ? Math.round(battery.percentRemaining * 1000) / 10 : null,
        rangeKm: typeof battery?.range === "number" ? battery.range : null,
        pluggedIn: typeof charge?.isPluggedIn === "boolean" ? charge.isPluggedIn : null,
        chargeState: state && CHARGE_STATES.has(state) ? state : "UNKNOWN",
        latitude: typeof location?.latitude === "number" ? location.latitude : null,
        longitude: typeof location?.longitude === "number" ? location.longitude : null,
        capturedAt: ages.length > 0 ? new Date(Math.min(...ages)) : new Date(),
      } satisfies Telemetry;
    },

    async revoke(accessToken, vehicleId) {
      await guard.run("disconnect", "disconnect", () => vehicle(vehicleId, accessToken).disconnect(), {
        idempotent: false,
      });
    },

    shutdown: guard.shutdown,
  };
}
