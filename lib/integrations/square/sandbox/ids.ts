import { randomBytes, randomUUID } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** Square-looking opaque ids: upper-case alphanumerics (orders and payments are longer). */
export function newId(length = 13): string {
  let id = "";
  for (const b of randomBytes(length)) id += ALPHABET[b % ALPHABET.length];
  return id;
}

export const newUuid = () => randomUUID();

/** `EAAA…` access tokens and `EQAA…` refresh tokens, as Square's OAuth tokens begin. */
export const newAccessToken = () => `EAAAl${randomBytes(30).toString("base64url")}`;
export const newRefreshToken = () => `EQAAl${randomBytes(30).toString("base64url")}`;
export const newCode = () => `sandbox-sq0cgb-${randomBytes(16).toString("base64url")}`;
export const newFingerprint = () => `sq-1-${randomBytes(32).toString("base64url")}`;
