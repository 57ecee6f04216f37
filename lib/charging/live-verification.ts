import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { policyFromConfig } from "./evaluate-session";
import { verifySession, type Verification } from "./verify-session";

/**
 * How the driver's active session would be judged right now, for the live charge screen: the
 * same rules as check-out, but read-only (nothing is ended, written or paid). Scoped by driver.
 */
export async function previewActiveSession(actor: Actor, sessionId: string): Promise<Verification | null> {
  assertCan(actor, "driver:use");
  const session = await db().chargingSession.findFirst({
    where: { id: sessionId, driverId: actor.userId, status: "ACTIVE" },
    select: {
      startedAt: true,
      vehicleId: true,
      charger: { select: { latitude: true, longitude: true, radiusMeters: true } },
      pings: { select: { latitude: true, longitude: true, accuracyMeters: true, recordedAt: true } },
    },
  });
  if (!session) return null;
  const now = new Date();
  const telemetry = session.vehicleId
    ? await db().telemetrySnapshot.findMany({
        where: { vehicleId: session.vehicleId, capturedAt: { gte: session.startedAt, lte: now } },
        orderBy: { capturedAt: "asc" },
      })
    : [];
  return verifySession(
    { charger: session.charger, startedAt: session.startedAt, endedAt: null, pings: session.pings, telemetry, now },
    policyFromConfig(),
  );
}

/**
 * How often the phone shares its location: several readings inside the dwell the policy asks
 * for, but never more often than every 2 s nor less often than every 20 s.
 */
export function pingIntervalSeconds(): number {
  return Math.min(20, Math.max(2, Math.round(policyFromConfig().minDwellSeconds / 3)));
}
