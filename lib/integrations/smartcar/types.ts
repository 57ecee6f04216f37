export type Tokens = {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  refreshExpiresAt: Date | null;
};

export type ProviderVehicle = { id: string; make: string; model: string; year: number };

export type ChargeState = "CHARGING" | "FULLY_CHARGED" | "NOT_CHARGING" | "UNKNOWN";

/** One reading of a car; a field the car did not report (or we may not read) is null. */
export type Telemetry = {
  batteryPercent: number | null;
  rangeKm: number | null;
  pluggedIn: boolean | null;
  chargeState: ChargeState;
  latitude: number | null;
  longitude: number | null;
  /** The car's "energy added" counter in kWh: cumulative since its own plug-in, reset by the next one. */
  energyAddedKwh?: number | null;
  capturedAt: Date;
};

/**
 * A connected-car provider: Smartcar in production, a simulated car in the sandbox.
 * Failures are the typed errors in `./errors` (ProviderUnavailable, RateLimited, AuthRevoked,
 * InvalidCode, ProviderRejected).
 */
export interface VehicleProvider {
  /** Matches the `VehicleProvider` enum stored on connections and vehicles. */
  readonly kind: "SMARTCAR" | "SANDBOX";
  authorizeUrl(state: string): string;
  exchangeCode(code: string): Promise<Tokens>;
  /** Refresh tokens rotate: store the returned refresh token, the old one stops working. */
  refresh(refreshToken: string): Promise<Tokens>;
  listVehicles(accessToken: string): Promise<ProviderVehicle[]>;
  readTelemetry(accessToken: string, vehicleId: string): Promise<Telemetry>;
  /** Removes our application's access to the vehicle. */
  revoke(accessToken: string, vehicleId: string): Promise<void>;
}
