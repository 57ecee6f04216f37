import "server-only";
import { rateLimit } from "@/lib/rate-limit";
import { buildApplePass, type BuiltPass } from "../build-pass";
import { unsafeAuthorizePass } from "./authorize";

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
  ip: string | null,
): Promise<LatestPass> {
  // Refusals count against the caller's address, fetches against the pass only once its token
  // is accepted: a serial is public (the pass QR), and must not let a stranger spend its budget.
  const pass = await unsafeAuthorizePass(passTypeId, serialNumber, authorization).catch(async (err: unknown) => {
    if (ip) await rateLimit("passRefusalsPerIp", ip);
    throw err;
  });
  await rateLimit("passFetchPerSerial", serialNumber);
  const changedAt = Math.floor(pass.updatedAt.getTime() / 1000) * 1000;
  const theirs = httpDate(ifModifiedSince);
  if (theirs !== null && changedAt <= theirs) return { notModified: true, lastModified: pass.updatedAt };
  return { notModified: false, ...(await buildApplePass(pass.userId)) };
}

/** An If-Modified-Since worth honouring: an HTTP date (RFC 9110 says ignore anything else), not in the future. */
function httpDate(value: string | null): number | null {
  if (!value || !/ GMT$/.test(value)) return null;
  const at = Date.parse(value);
  return Number.isNaN(at) || at > Date.now() ? null : at;
}
