import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { assertDeviceId, unsafeAuthorizePass } from "./authorize";

/** The body a device sends when the pass is added: its APNs token for this pass type. */
export const registrationBody = z.object({
  pushToken: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9]+$/, "must be the device's push token"),
});

export type DeviceRegistration = {
  deviceLibraryId: string;
  passTypeId: string;
  serialNumber: string;
  authorization: string | null;
};

/** A body that is not `{ pushToken }` is a bad request (400), whatever is wrong with it. */
export function parseRegistrationBody(text: string): z.infer<typeof registrationBody> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError("malformed_request", "The request body must be JSON.");
  }
  const parsed = registrationBody.safeParse(raw);
  if (!parsed.success) throw new AppError("malformed_request", "The body must be { pushToken }.");
  return parsed.data;
}

/**
 * Registers a device for a pass's updates: `created` for a new registration (201), otherwise the
 * push token is brought up to date (200). Devices repeat registrations, sometimes at once: the
 * unique (device, type, serial) key decides, and the loser of a race updates instead.
 */
export async function registerDevice(reg: DeviceRegistration, bodyText: string): Promise<{ created: boolean }> {
  assertDeviceId(reg.deviceLibraryId);
  await rateLimit("passDevicePerId", reg.deviceLibraryId);
  await unsafeAuthorizePass(reg.passTypeId, reg.serialNumber, reg.authorization);
  const { pushToken } = parseRegistrationBody(bodyText);
  const key = {
    deviceLibraryId: reg.deviceLibraryId,
    passTypeIdentifier: reg.passTypeId,
    serialNumber: reg.serialNumber,
  };
  const inserted = await db().applePassRegistration.createMany({
    data: [{ ...key, pushToken }],
    skipDuplicates: true,
  });
  if (inserted.count === 1) {
    await keepNewestRegistrations(reg.serialNumber);
    return { created: true };
  }
  // the token brought up to date, and the registration marked as heard from (the cap keeps the newest)
  await db().applePassRegistration.updateMany({ where: key, data: { pushToken, updatedAt: new Date() } });
  return { created: false };
}

/** Stops a device's updates for a pass (the pass was removed from Wallet). */
export async function unregisterDevice(reg: DeviceRegistration): Promise<void> {
  assertDeviceId(reg.deviceLibraryId);
  await rateLimit("passDevicePerId", reg.deviceLibraryId);
  await unsafeAuthorizePass(reg.passTypeId, reg.serialNumber, reg.authorization);
  await db().applePassRegistration.deleteMany({
    where: { deviceLibraryId: reg.deviceLibraryId, passTypeIdentifier: reg.passTypeId, serialNumber: reg.serialNumber },
  });
}

/** A pass lives on a person's few devices; more is a flood (each costs a push per balance change). */
export const MAX_DEVICES_PER_PASS = 10;

/** Device ids change (restores, new phones): past the cap, the registrations not heard from longest go. */
async function keepNewestRegistrations(serialNumber: string): Promise<void> {
  await db().$executeRaw`
    DELETE FROM "ApplePassRegistration" WHERE "id" IN (
      SELECT "id" FROM "ApplePassRegistration" WHERE "serialNumber" = ${serialNumber}
      ORDER BY "updatedAt" DESC, "id" DESC OFFSET ${MAX_DEVICES_PER_PASS})`;
}
