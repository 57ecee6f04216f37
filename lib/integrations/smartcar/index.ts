import "server-only";
import { config, sandboxAllowed } from "@/lib/config";
import { AppError } from "@/lib/errors";
import {
  createSandboxVehicle,
  type SandboxCarState,
  type SandboxChargingInput,
  type SandboxVehicleProvider,
} from "./sandbox-vehicle";
import { createSmartcarClient } from "./smartcar-client";
import type { Telemetry, VehicleProvider } from "./types";

export type { ChargeState, ProviderVehicle, Telemetry, Tokens, VehicleProvider } from "./types";
export {
  AuthRevoked,
  InvalidCode,
  ProviderRejected,
  ProviderUnavailable,
  RateLimited,
  VehicleProviderError,
  type UnavailableReason,
  type VehicleProviderErrorCode,
} from "./errors";
export { createSmartcarClient, DEFAULT_SCOPE, type SmartcarClientOptions } from "./smartcar-client";
export { DEFAULT_CALL_POLICY, type CallOutcome, type CallPolicy } from "./call-guard";
export {
  createSandboxVehicle,
  type SandboxCarState,
  type SandboxCarStore,
  type SandboxChargingInput,
  type SandboxVehicleDeps,
  type SandboxVehicleProvider,
} from "./sandbox-vehicle";

// Survive Next's dev reloads: one provider (one set of circuit breakers) and one sandbox garage per process.
const globalForVehicles = globalThis as unknown as {
  nervaVehicleProvider?: VehicleProvider;
  nervaSandboxVehicle?: SandboxVehicleProvider;
  nervaSandboxCars?: Map<string, SandboxCarState>;
};

const carsUnavailable = () => new AppError("charging_disabled", "Connecting a car is not available right now.");

/**
 * Smartcar when SMARTCAR_CLIENT_ID and SMARTCAR_CLIENT_SECRET are set; the simulated car otherwise,
 * where it may run (never in production). With charging switched off, neither.
 */
export function vehicleProvider(): VehicleProvider {
  const env = config();
  if (!env.CHARGING_ENABLED) throw carsUnavailable();
  if (globalForVehicles.nervaVehicleProvider) return globalForVehicles.nervaVehicleProvider;
  globalForVehicles.nervaVehicleProvider =
    env.SMARTCAR_CLIENT_ID && env.SMARTCAR_CLIENT_SECRET
      ? createSmartcarClient({
          clientId: env.SMARTCAR_CLIENT_ID,
          clientSecret: env.SMARTCAR_CLIENT_SECRET,
          redirectUri: `${env.NEXTAUTH_URL.replace(/\/+$/, "")}/api/smartcar/callback`,
        })
      : sandboxVehicle();
  return globalForVehicles.nervaVehicleProvider;
}

/** Which provider connects cars here, or null when none may (the Car tab says so instead of failing). */
export function vehicleProviderKind(): VehicleProvider["kind"] | null {
  try {
    return vehicleProvider().kind;
  } catch (err) {
    if (err instanceof AppError) return null;
    throw err;
  }
}

/** The sandbox car, where it may run (the sandbox connect page and demo tools drive it). */
export function sandboxVehicle(): SandboxVehicleProvider {
  if (!sandboxAllowed(config(), "smartcar")) throw carsUnavailable();
  globalForVehicles.nervaSandboxVehicle ??= createSandboxVehicle({
    memory: (globalForVehicles.nervaSandboxCars ??= new Map()),
    appUrl: config().NEXTAUTH_URL,
  });
  return globalForVehicles.nervaSandboxVehicle;
}

/** Plugs the simulated car in at a charger (its battery then rises ~1%/min) or unplugs it. */
export async function setSandboxCharging(vehicleId: string, input: SandboxChargingInput): Promise<Telemetry> {
  return sandboxVehicle().setCharging(vehicleId, input);
}
