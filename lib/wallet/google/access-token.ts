import "server-only";
import { SignJWT } from "jose";
import { GoogleWalletError } from "./errors";
import type { ServiceAccount } from "./service-account";

export const WALLET_SCOPE = "https://www.googleapis.com/auth/wallet_object.issuer";
const TOKEN_TIMEOUT_MS = 10_000;
/** A cached token is dropped this long before Google says it expires (clock skew, slow calls). */
const EARLY_EXPIRY_MS = 60_000;

type Cached = { token: string; expiresAt: number };
const cache = new Map<string, Cached>();
const pending = new Map<string, Promise<Cached>>();
const cacheKey = (sa: ServiceAccount) => `${sa.clientEmail}|${sa.tokenUri}`;

/**
 * Exchanges a JWT-bearer assertion signed with the service account's key for an access token
 * (RFC 7523, as Google's auth library does, but against a configurable token URI). Uncached.
 */
export async function requestAccessToken(sa: ServiceAccount): Promise<Cached> {
  const iat = Math.floor(Date.now() / 1000);
  const assertion = await new SignJWT({ scope: WALLET_SCOPE })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(sa.clientEmail)
    .setAudience(sa.tokenUri)
    .setIssuedAt(iat)
    .setExpirationTime(iat + 3600)
    .sign(sa.privateKey);
  let res: Response;
  try {
    res = await fetch(sa.tokenUri, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body: new URLSearchParams({ grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer", assertion }).toString(),
      signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
    });
  } catch (err) {
    throw new GoogleWalletError(`Google token request failed: ${String(err)}`, null, true);
  }
  const body = (await res.json().catch(() => null)) as {
    access_token?: unknown;
    expires_in?: unknown;
    error?: unknown;
  } | null;
  if (!res.ok) {
    const code = typeof body?.error === "string" ? body.error : "unknown";
    // invalid_grant: a wrong or revoked key, a clock far off, or the wrong token URI
    throw new GoogleWalletError(
      `Google refused the service account's token request (${res.status} ${code})`,
      res.status,
      res.status === 429 || res.status >= 500,
    );
  }
  if (typeof body?.access_token !== "string" || !body.access_token)
    throw new GoogleWalletError("Google's token response had no access_token", res.status, true);
  const seconds = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 3600;
  return { token: body.access_token, expiresAt: Date.now() + seconds * 1000 - EARLY_EXPIRY_MS };
}

/** An access token for the service account, cached per process until a minute before it expires. */
export async function accessToken(sa: ServiceAccount): Promise<string> {
  const key = cacheKey(sa);
  const hit = cache.get(key);
  if (hit && hit.expiresAt > Date.now()) return hit.token;
  // concurrent callers share one token request
  let request = pending.get(key);
  if (!request) {
    request = requestAccessToken(sa).finally(() => pending.delete(key));
    pending.set(key, request);
  }
  const fresh = await request;
  cache.set(key, fresh);
  return fresh.token;
}

/** Forgets the cached token (Google answered 401: revoked or expired early). */
export function dropAccessToken(sa: ServiceAccount): void {
  cache.delete(cacheKey(sa));
}
