import { randomBytes } from "node:crypto";
import { jwtVerify, SignJWT, type JWTPayload } from "jose";

// OAuth `state`: a short-lived HS256 token bound to the signed-in person (and whatever else the
// flow names), under a key derived from the auth secret and a purpose label, so a state made for one
// flow never verifies in another.

const TTL_SECONDS = 10 * 60;

const keyFrom = (secret: string, purpose: string) => new TextEncoder().encode(`oauth-state:${purpose}:${secret}`);

export type SignedStateInput = {
  secret: string;
  /** e.g. "smartcar-connect", "square-connect": part of the key and the audience. */
  purpose: string;
  userId: string;
  claims?: Record<string, string>;
  now?: Date;
};

/** A signed, 10-minute state with a random nonce. */
export async function signState({ secret, purpose, userId, claims = {}, now = new Date() }: SignedStateInput) {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claims, nonce: randomBytes(12).toString("base64url") })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(userId)
    .setAudience(`nerava:${purpose}`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(keyFrom(secret, purpose));
}

export type StateRefusal = "invalid" | "expired" | "other_user";
export type VerifiedState = { ok: true; claims: JWTPayload } | { ok: false; reason: StateRefusal };

/** Refuses a forged, tampered or expired state, and one issued to another person than the one returning. */
export async function verifyState(
  { secret, purpose, userId, now = new Date() }: Omit<SignedStateInput, "claims">,
  state: string,
): Promise<VerifiedState> {
  try {
    const { payload } = await jwtVerify(state, keyFrom(secret, purpose), {
      audience: `nerava:${purpose}`,
      algorithms: ["HS256"],
      currentDate: now,
    });
    return payload.sub === userId ? { ok: true, claims: payload } : { ok: false, reason: "other_user" };
  } catch (err) {
    return { ok: false, reason: (err as { code?: string }).code === "ERR_JWT_EXPIRED" ? "expired" : "invalid" };
  }
}
