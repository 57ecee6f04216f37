import "server-only";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { vehicleProvider } from "@/lib/integrations/smartcar";
import { logger } from "@/lib/observability";
import { unsafeAccessTokenFor } from "./access-token";

/** Revokes our access at the provider (best effort) and deletes the car and its tokens. */
export async function disconnectVehicle(actor: Actor, vehicleId: string, meta: RequestMeta): Promise<void> {
  assertCan(actor, "driver:use");
  const userId = actor.userId;
  const vehicle = await db().vehicle.findFirst({
    where: { id: vehicleId, userId },
    select: { id: true, providerVehicleId: true, connectionId: true },
  });
  if (!vehicle) throw notFound("That car");
  if (vehicle.connectionId) {
    try {
      await vehicleProvider().revoke(await unsafeAccessTokenFor(vehicle.connectionId), vehicle.providerVehicleId);
    } catch (err) {
      // the driver's wish to disconnect wins; a failed revoke is logged for follow-up
      logger.warn({ err, vehicleId, requestId: meta.requestId }, "provider revoke failed during disconnect");
    }
  }
  await db().$transaction(async (tx) => {
    await tx.vehicle.delete({ where: { id: vehicle.id } });
    if (vehicle.connectionId && (await tx.vehicle.count({ where: { connectionId: vehicle.connectionId } })) === 0) {
      await tx.vehicleConnection.delete({ where: { id: vehicle.connectionId } });
    }
  });
  await recordAudit({
    action: "vehicle.disconnected",
    actorId: userId,
    targetType: "vehicle",
    targetId: vehicleId,
    ...meta,
  });
}
