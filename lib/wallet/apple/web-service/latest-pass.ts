import "server-only";
import { rateLimit } from "@/lib/rate-limit";
import { buildApplePass, type BuiltPass } from "../build-pass";
import { unsafeAuthorizePass, validSerial } from "./authorize";

export type LatestPass = { notModified: true; lastModified: Date } | ({ notModified: false } & BuiltPass);

/**
 * The pass as it is now for a device holding its token, or "not modified" when the device's copy
 * (If-Modified-Since) is not older. HTTP dates have whole seconds: the change time is truncated
 * before comparing, or a device would loop on 200s.
 */
export async function getLatestPass(
  passTypeId: string,
  serialNumber: string,
  authorization: string | null,
  ifModifiedSince: string | null,
): Promise<LatestPass> {
  if (validSerial(serialNumber)) await rateLimit("passFetchPerSerial", serialNumber);
  const pass = await unsafeAuthorizePass(passTypeId, serialNumber, authorization);
  const changedAt = Math.floor(pass.updatedAt.getTime() / 1000) * 1000;
  const theirs = ifModifiedSince ? Date.parse(ifModifiedSince) : NaN;
  if (!Number.isNaN(theirs) && changedAt <= theirs) return { notModified: true, lastModified: pass.updatedAt };
  return { notModified: false, ...(await buildApplePass(pass.userId)) };
}
