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
  if (inserted.count === 1) return { created: true };
  await db().applePassRegistration.updateMany({ where: { ...key, NOT: { pushToken } }, data: { pushToken } });
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
