import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { setSandboxCharging, vehicleProviderKind } from "@/lib/integrations/smartcar";
import { decimalNumber } from "@/lib/validation";

export const checkInInput = z.object({
  chargerId: z.string().min(1).max(64),
  vehicleId: z.string().max(64).optional(),
});
export const pingInput = z.object({
  latitude: decimalNumber({ min: -90, max: 90 }),
  longitude: decimalNumber({ min: -180, max: 180 }),
  accuracyMeters: decimalNumber({ min: 0, max: 100_000 }),
  recordedAt: z.iso
    .datetime({ offset: true })
    .transform((s) => new Date(s))
    .optional(),
});

/** Starts a session at a charger; the partial unique index allows one active session per driver. */
export async function checkIn(actor: Actor, input: z.infer<typeof checkInInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  if (!config().CHARGING_ENABLED) throw new AppError("charging_disabled", "Charging is switched off right now.");
  const charger = await db().charger.findUnique({
    where: { id: input.chargerId },
    select: { id: true, latitude: true, longitude: true, status: true },
  });
  if (!charger) throw notFound("That charger");
  // the map offers check-in only where NREL says the charger is open (E); planned (P) and
  // temporarily unavailable (T) ones are refused here too, whoever calls
  if (charger.status !== "E")
    throw new AppError("charger_closed", "This charger isn't open right now. Choose another charger nearby.");
  const vehicle = input.vehicleId
    ? await db().vehicle.findFirst({
        where: { id: input.vehicleId, userId: driverId },
        select: { id: true, provider: true, providerVehicleId: true },
      })
    : await db().vehicle.findFirst({
        where: { userId: driverId },
        orderBy: { createdAt: "asc" },
        select: { id: true, provider: true, providerVehicleId: true },
      });
  if (input.vehicleId && !vehicle) throw notFound("That car");
  const session = await db()
    .chargingSession.create({ data: { driverId, chargerId: charger.id, vehicleId: vehicle?.id }, select: { id: true } })
    .catch((err: { code?: string }) => {
      if (err.code === "P2002")
        throw new AppError("session_active", "You already have a charging session in progress. Finish it first.");
      throw err;
    });
  // the simulated car plugs in at this charger so the sandbox journey works end to end
  if (vehicle?.provider === "SANDBOX" && vehicleProviderKind() === "SANDBOX")
    await setSandboxCharging(vehicle.providerVehicleId, {
      charging: true,
      latitude: charger.latitude,
      longitude: charger.longitude,
    });
  await recordAudit({
    action: "charging.checked_in",
    actorId: driverId,
    targetType: "charging_session",
    targetId: session.id,
    ...meta,
  });
  return session;
}

/** A phone location reading for the actor's own active session; another driver's session is not found. */
export async function recordPing(actor: Actor, sessionId: string, input: z.infer<typeof pingInput>) {
  assertCan(actor, "driver:use");
  const session = await db().chargingSession.findFirst({
    where: { id: sessionId, driverId: actor.userId, status: "ACTIVE" },
    select: { id: true },
  });
  if (!session) throw notFound("That active session");
  const recordedAt =
    input.recordedAt && Math.abs(input.recordedAt.getTime() - Date.now()) < 5 * 60_000 ? input.recordedAt : new Date();
  await db().locationPing.create({
    data: {
      sessionId,
      latitude: input.latitude,
      longitude: input.longitude,
      accuracyMeters: input.accuracyMeters,
      recordedAt,
    },
  });
}

/** The actor's own session in progress, if any. */
export async function activeSessionFor(actor: Actor) {
  assertCan(actor, "driver:use");
  return db().chargingSession.findFirst({
    where: { driverId: actor.userId, status: "ACTIVE" },
    select: {
      id: true,
      startedAt: true,
      verificationReason: true,
      vehicleId: true,
      charger: { select: { id: true, name: true, address: true, latitude: true, longitude: true, radiusMeters: true } },
      _count: { select: { pings: true } },
    },
  });
}

/** The actor's own sessions, newest first. */
export async function listDriverSessions(actor: Actor, take = 20) {
  assertCan(actor, "driver:use");
  return db().chargingSession.findMany({
    where: { driverId: actor.userId },
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true,
      status: true,
      startedAt: true,
      endedAt: true,
      kwhDelivered: true,
      batteryStart: true,
      batteryEnd: true,
      verificationReason: true,
      charger: { select: { name: true } },
      claim: { select: { status: true, decisionNote: true } },
    },
  });
}
