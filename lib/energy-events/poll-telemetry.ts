import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability";
import { unsafeRefreshTelemetry } from "@/lib/vehicles";
import { PAUSE_SHIFT_MS } from "./judge";

/**
 * The job, every few minutes: reads the cars of drivers opted in to an event whose window (with the
 * hours around it a pause looks at) is now, so its settlement has the car's own readings. The
 * telemetry cache keeps a parked car from being asked more than every 15 minutes.
 */
export async function unsafePollEventTelemetry(now = new Date()) {
  const vehicles = await db().vehicle.findMany({
    where: {
      connectionId: { not: null },
      user: {
        eventEntries: {
          some: {
            status: "OPTED_IN",
            event: {
              status: "SCHEDULED",
              startsAt: { lte: new Date(now.getTime() + PAUSE_SHIFT_MS) },
              endsAt: { gte: new Date(now.getTime() - PAUSE_SHIFT_MS) },
            },
          },
        },
      },
    },
    select: { id: true },
    take: 500,
  });
  for (const { id } of vehicles)
    await unsafeRefreshTelemetry(id).catch((err) => logger.warn({ err, vehicleId: id }, "event telemetry poll failed"));
  return { polled: vehicles.length };
}
