import "server-only";
import { db } from "@/lib/db";
import { rateLimit } from "@/lib/rate-limit";
import { assertDeviceId } from "./authorize";

export type UpdatedSerials = { serialNumbers: string[]; lastUpdated: string };

/**
 * The serials registered on this device that changed after `passesUpdatedSince`, with the tag to
 * send next time: the newest change among them in epoch milliseconds (an HTTP date's whole seconds
 * would miss a second change within the same second). Null when there is nothing newer or the
 * device is unknown (204): this call never answers 401, which makes devices give up on the pass.
 */
export async function listUpdatedSerials(
  deviceLibraryId: string,
  passTypeId: string,
  passesUpdatedSince: string | undefined,
): Promise<UpdatedSerials | null> {
  assertDeviceId(deviceLibraryId);
  await rateLimit("passDevicePerId", deviceLibraryId);
  const since =
    passesUpdatedSince && /^\d{1,15}$/.test(passesUpdatedSince) ? new Date(Number(passesUpdatedSince)) : null;
  const rows = await db().applePassRegistration.findMany({
    where: {
      deviceLibraryId,
      passTypeIdentifier: passTypeId,
      ...(since ? { pass: { updatedAt: { gt: since } } } : {}),
    },
    select: { serialNumber: true, pass: { select: { updatedAt: true } } },
    orderBy: { serialNumber: "asc" },
  });
  if (rows.length === 0) return null;
  const newest = Math.max(...rows.map((r) => r.pass.updatedAt.getTime()));
  return { serialNumbers: rows.map((r) => r.serialNumber), lastUpdated: String(newest) };
}
