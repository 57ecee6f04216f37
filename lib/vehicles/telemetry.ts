import "server-only";
import { db, type Tx } from "@/lib/db";
import { ProviderUnavailable, RateLimited, vehicleProvider, type Telemetry } from "@/lib/integrations/smartcar";
import { logger } from "@/lib/observability";
import { accessTokenFor } from "./access-token";

// A charging car changes quickly; a parked one is left alone (asking wakes it and spends its quota).
const FRESH_WHILE_CHARGING_MS = 60_000;
const FRESH_WHILE_PARKED_MS = 15 * 60_000;

export type VehicleState = {
  snapshot: {
    batteryPercent: number | null;
    rangeKm: number | null;
    pluggedIn: boolean | null;
    chargeState: string;
    latitude: number | null;
    longitude: number | null;
    capturedAt: Date;
  } | null;
  stale: boolean;
  note?: string;
};

const latest = (vehicleId: string) =>
  db().telemetrySnapshot.findFirst({ where: { vehicleId }, orderBy: { capturedAt: "desc" } });

/** Stores a reading (in the caller's transaction when given); out-of-order arrivals are harmless: "latest" is by capture time. */
export async function storeTelemetry(vehicleId: string, t: Telemetry, source: string, client: Tx = db()) {
  return client.telemetrySnapshot.create({
    data: {
      vehicleId,
      batteryPercent: t.batteryPercent,
      rangeKm: t.rangeKm,
      pluggedIn: t.pluggedIn,
      chargeState: t.chargeState,
      latitude: t.latitude,
      longitude: t.longitude,
      energyAddedKwh: t.energyAddedKwh ?? null,
      capturedAt: t.capturedAt,
      source,
    },
  });
}

/**
 * The car's state from the cache while it is fresh, otherwise from the provider. When the
 * provider is rate limiting or down, the last reading is returned marked stale.
 */
export async function refreshTelemetry(
  vehicleId: string,
  { force = false, since }: { force?: boolean; since?: Date } = {},
): Promise<VehicleState> {
  const vehicle = await db().vehicle.findUnique({
    where: { id: vehicleId },
    select: { providerVehicleId: true, connectionId: true },
  });
  const cached = await latest(vehicleId);
  if (!vehicle?.connectionId) return { snapshot: cached, stale: true, note: "This car is not connected." };
  const maxAge = cached?.chargeState === "CHARGING" ? FRESH_WHILE_CHARGING_MS : FRESH_WHILE_PARKED_MS;
  // a reading from before `since` (e.g. the session's start) says nothing about now
  const tooOld = since !== undefined && cached !== null && cached.capturedAt < since;
  if (!force && !tooOld && cached && Date.now() - cached.createdAt.getTime() < maxAge)
    return { snapshot: cached, stale: false };
  try {
    const reading = await vehicleProvider().readTelemetry(
      await accessTokenFor(vehicle.connectionId),
      vehicle.providerVehicleId,
    );
    return { snapshot: await storeTelemetry(vehicleId, reading, "poll"), stale: false };
  } catch (err) {
    if (err instanceof RateLimited || err instanceof ProviderUnavailable) {
      logger.warn({ vehicleId, err: err.message }, "telemetry read deferred");
      return { snapshot: cached, stale: true, note: "Your car's maker is busy; showing the last reading." };
    }
    throw err;
  }
}

/** The signed-in driver's cars with their latest known state (scoped by owner). */
export async function listDriverVehicles(userId: string) {
  const vehicles = await db().vehicle.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      make: true,
      model: true,
      year: true,
      provider: true,
      createdAt: true,
      telemetry: { orderBy: { capturedAt: "desc" }, take: 1 },
    },
  });
  return vehicles.map(({ telemetry, ...v }) => ({ ...v, latest: telemetry[0] ?? null }));
}
