import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { hashPassToken, tokenFromHeader, tokenMatchesHash } from "../auth-token";

export type AuthorizedPass = { userId: string; serialNumber: string; updatedAt: Date };

// Compared against when the serial is unknown, so a miss costs what a hit costs.
const NO_SUCH_PASS = hashPassToken("no such pass");

/** One answer for every refusal: a device learns nothing about which serials exist. */
export const passUnauthorized = () =>
  new AppError("unauthorized", "This pass's authentication token was not accepted.");

/**
 * The pass a device names, if its `Authorization: ApplePass <token>` is that pass's token. The
 * token is per serial, so one driver's token never opens another driver's pass; a pass never issued
 * to Apple Wallet has only a placeholder hash, which no token matches; a suspended driver's pass is refused.
 */
export async function unsafeAuthorizePass(
  passTypeId: string,
  serialNumber: string,
  authorization: string | null,
): Promise<AuthorizedPass> {
  const token = tokenFromHeader(authorization);
  const pass = validSerial(serialNumber)
    ? await db().walletPass.findUnique({
        where: { serialNumber },
        select: {
          userId: true,
          serialNumber: true,
          updatedAt: true,
          authTokenHash: true,
          appleIssuedAt: true,
          user: { select: { status: true } },
        },
      })
    : null;
  const matches = tokenMatchesHash(token ?? "", pass?.authTokenHash ?? NO_SUCH_PASS);
  const rightType = !!config().APPLE_PASS_TYPE_ID && passTypeId === config().APPLE_PASS_TYPE_ID;
  // a suspended driver's pass stops updating and cannot be registered again
  const active = pass?.user.status === "ACTIVE";
  if (!pass || !token || !matches || !pass.appleIssuedAt || !rightType || !active) throw passUnauthorized();
  return { userId: pass.userId, serialNumber: pass.serialNumber, updatedAt: pass.updatedAt };
}

/** Serials are base64url; anything else names no pass. */
export const validSerial = (serial: string) => /^[A-Za-z0-9_-]{1,64}$/.test(serial);

/** A device library id as devices send it (hex in practice); bounded, so it can key a rate limit. */
export function assertDeviceId(deviceLibraryId: string): void {
  if (!/^[A-Za-z0-9._-]{1,128}$/.test(deviceLibraryId))
    throw new AppError("malformed_request", "That is not a device library identifier.");
}
