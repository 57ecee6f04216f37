import "server-only";
import { db } from "@/lib/db";
import type { Reading } from "./energy";
import { PAUSE_SHIFT_MS } from "./judge";

/** Readings kept around the window: a pause looks this far for charging, and straddling steps need their far reading. */
const AROUND_MS = PAUSE_SHIFT_MS + 3 * 3600_000;

/**
 * The readings of the driver's cars around a window: TelemetrySnapshot rows only, which the car's
 * provider reported (polls and webhooks). Phone pings are never read here: they prove nothing
 * about what a car charged.
 */
export async function unsafeCarReadings(driverId: string, w: { startsAt: Date; endsAt: Date }): Promise<Reading[]> {
  const rows = await db().telemetrySnapshot.findMany({
    where: {
      vehicle: { userId: driverId },
      capturedAt: { gte: new Date(w.startsAt.getTime() - AROUND_MS), lte: new Date(w.endsAt.getTime() + AROUND_MS) },
    },
    orderBy: { capturedAt: "asc" },
    select: { vehicleId: true, capturedAt: true, chargeState: true, energyAddedKwh: true },
  });
  return rows;
}
