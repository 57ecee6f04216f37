import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

// The pass's authenticationToken is derived from the serial, never stored: only its SHA-256 is kept
// (WalletPass.authTokenHash), so a database leak hands out no token. The key is labelled with its
// purpose, so no other secret derived from NEXTAUTH_SECRET can stand in for it.
const PURPOSE = "nerava:apple-pass-auth-token";

const tokenKey = (secret: string) => createHmac("sha256", secret).update(PURPOSE).digest();

/** The serial's token: base64url of an HMAC-SHA256 (43 characters; Wallet wants ≥ 16). */
export function passAuthToken(serialNumber: string, secret = config().NEXTAUTH_SECRET): string {
  return createHmac("sha256", tokenKey(secret)).update(serialNumber).digest("base64url");
}

export const hashPassToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Constant-time comparison of a presented token with the stored hash. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const presented = Buffer.from(hashPassToken(token), "hex");
  const stored = Buffer.from(storedHash, "hex");
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/** The token of an `Authorization: ApplePass <token>` header, or null. */
export function tokenFromHeader(header: string | null): string | null {
  const match = /^ApplePass ([A-Za-z0-9_-]{16,200})$/.exec(header?.trim() ?? "");
  return match ? match[1] : null;
}
