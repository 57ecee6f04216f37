import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { config } from "@/lib/config";
import { encryptToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { InvalidCode, vehicleProvider } from "@/lib/integrations/smartcar";
import { signConnectState, verifyConnectState } from "./oauth-state";

export const callbackInput = z.object({ code: z.string().min(1).max(500), state: z.string().min(1).max(2000) });

/** Where the connect button sends the driver: the provider's consent page with a signed state. */
export async function startVehicleConnect(actor: Actor): Promise<string> {
  assertCan(actor, "driver:use");
  return vehicleProvider().authorizeUrl(await signConnectState(config().NEXTAUTH_SECRET, actor.userId));
}

const STATE_ERRORS = {
  invalid: "This connection link is not valid. Start again from the Car tab.",
  expired: "This connection link expired (they last 10 minutes). Start again from the Car tab.",
  other_user: "This connection was started by another account. Start again from the Car tab.",
} as const;

/**
 * The callback: state verified for this driver, code exchanged, vehicles listed, tokens stored
 * encrypted. A car already linked to another driver is refused (the unique provider id decides).
 */
export async function completeVehicleConnect(actor: Actor, input: z.infer<typeof callbackInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const userId = actor.userId;
  const check = await verifyConnectState(config().NEXTAUTH_SECRET, input.state, userId);
  if (!check.ok) throw new AppError(`state_${check.reason}`, STATE_ERRORS[check.reason]);
  const provider = vehicleProvider();
  const tokens = await provider.exchangeCode(input.code).catch((err) => {
    if (err instanceof InvalidCode)
      throw new AppError("invalid_code", "The car maker did not accept this connection. Try connecting again.");
    throw err;
  });
  const found = await provider.listVehicles(tokens.accessToken);
  if (found.length === 0)
    throw new AppError("no_vehicles", "No vehicle was shared. Connect again and choose your car.");
  const taken = await db().vehicle.findMany({
    where: { provider: provider.kind, providerVehicleId: { in: found.map((v) => v.id) }, userId: { not: userId } },
    select: { providerVehicleId: true },
  });
  if (taken.length > 0) {
    throw new AppError(
      "vehicle_taken",
      "This car is already connected to another Nerava account. Disconnect it there first.",
    );
  }
  const vehicles = await db().$transaction(async (tx) => {
    const connection = await tx.vehicleConnection.create({
      data: {
        userId,
        provider: provider.kind,
        accessTokenEnc: encryptToken(tokens.accessToken),
        refreshTokenEnc: encryptToken(tokens.refreshToken),
        expiresAt: tokens.expiresAt,
        refreshExpiresAt: tokens.refreshExpiresAt,
      },
      select: { id: true },
    });
    const rows = await Promise.all(
      found.map((v) =>
        tx.vehicle.upsert({
          where: { provider_providerVehicleId: { provider: provider.kind, providerVehicleId: v.id } },
          update: { connectionId: connection.id, make: v.make, model: v.model, year: v.year },
          create: {
            userId,
            connectionId: connection.id,
            provider: provider.kind,
            providerVehicleId: v.id,
            make: v.make,
            model: v.model,
            year: v.year,
          },
          select: { id: true, userId: true, make: true, model: true, year: true },
        }),
      ),
    );
    // another driver linked the car between the check above and now: roll the whole connect back
    if (rows.some((v) => v.userId !== userId)) {
      throw new AppError(
        "vehicle_taken",
        "This car is already connected to another Nerava account. Disconnect it there first.",
      );
    }
    return rows;
  });
  await recordAudit({
    action: "vehicle.connected",
    actorId: userId,
    // the cars by provider id: the abuse rule "car switching drivers" reads them (the row moves with its owner)
    metadata: {
      provider: provider.kind,
      vehicles: vehicles.length,
      cars: found.map((v) => `${provider.kind}:${v.id}`),
    },
    ...meta,
  });
  return vehicles;
}
