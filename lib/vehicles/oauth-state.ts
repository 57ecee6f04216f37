import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";

const AUDIENCE = "nerava:smartcar-connect";
const TTL_SECONDS = 10 * 60;

const keyFrom = (secret: string) => new TextEncoder().encode(`oauth-state:${secret}`);

/** A signed, 10-minute `state` bound to the signed-in driver (HS256 over a key derived from the auth secret). */
export async function signConnectState(secret: string, userId: string, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ nonce: randomBytes(12).toString("base64url") })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(keyFrom(secret));
}

export type StateCheck = { ok: true } | { ok: false; reason: "invalid" | "expired" | "other_user" };

/** Refuses a forged or expired state, and one issued to another driver than the one returning. */
export async function verifyConnectState(
  secret: string,
  state: string,
  userId: string,
  now = new Date(),
): Promise<StateCheck> {
  try {
    const { payload } = await jwtVerify(state, keyFrom(secret), {
      audience: AUDIENCE,
      algorithms: ["HS256"],
      currentDate: now,
    });
    return payload.sub === userId ? { ok: true } : { ok: false, reason: "other_user" };
  } catch (err) {
    return { ok: false, reason: (err as { code?: string }).code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
}
