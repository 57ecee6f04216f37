import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { ProviderUnavailable, RateLimited, vehicleProvider, type Telemetry } from "@/lib/integrations/smartcar";
import { logger } from "@/lib/observability";
import { unsafeAccessTokenFor } from "./access-token";

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

/**
 * Unscoped (webhook, polling): stores a reading, in the caller's transaction when given;
 * out-of-order arrivals are harmless because "latest" is by capture time.
 */
export async function unsafeStoreTelemetry(vehicleId: string, t: Telemetry, source: string, client: Tx = db()) {
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

type RefreshOptions = { force?: boolean; since?: Date };

/** The actor's own car's state (see below); another driver's car is not found. */
export async function refreshTelemetry(actor: Actor, vehicleId: string, options: RefreshOptions = {}) {
  assertCan(actor, "driver:use");
  const own = await db().vehicle.findFirst({ where: { id: vehicleId, userId: actor.userId }, select: { id: true } });
  if (!own) throw notFound("That car");
  return unsafeRefreshTelemetry(vehicleId, options);
}

/**
 * Unscoped (jobs): the car's state from the cache while it is fresh, otherwise from the provider.
 * When the provider is rate limiting or down, the last reading is returned marked stale.
 */
export async function unsafeRefreshTelemetry(
  vehicleId: string,
  { force = false, since }: RefreshOptions = {},
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
      await unsafeAccessTokenFor(vehicle.connectionId),
      vehicle.providerVehicleId,
    );
    return { snapshot: await unsafeStoreTelemetry(vehicleId, reading, "poll"), stale: false };
  } catch (err) {
    if (err instanceof RateLimited || err instanceof ProviderUnavailable) {
      logger.warn({ vehicleId, err: err.message }, "telemetry read deferred");
      return { snapshot: cached, stale: true, note: "Your car's maker is busy; showing the last reading." };
    }
    throw err;
  }
}

/** The actor's own cars with their latest known state. */
export async function listDriverVehicles(actor: Actor) {
  assertCan(actor, "driver:use");
  const vehicles = await db().vehicle.findMany({
    where: { userId: actor.userId },
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
