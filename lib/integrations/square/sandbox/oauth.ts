// Square's OAuth for a code-flow app: codes, tokens (30-day access, a refresh token that stays the
// same across refreshes), revocation and token status, and the Bearer check every API call makes.
import { emitEvent, isoAt, type Sandbox } from "./context";
import { badRequest, missingField, tokenExpired, tokenRevoked, unauthorized } from "./errors";
import { newAccessToken, newCode, newRefreshToken, newUuid } from "./ids";
import type { AccessTokenRecord } from "./store";

export const DEFAULT_SCOPES = ["MERCHANT_PROFILE_READ", "ORDERS_READ", "PAYMENTS_READ", "CUSTOMERS_READ"];
const CODE_TTL_MS = 5 * 60_000;

type Body = Record<string, unknown>;
const text = (body: Body, field: string) => (typeof body[field] === "string" ? (body[field] as string) : undefined);

export function issueCode(sandbox: Sandbox, merchantId: string, scopes: string[]): string {
  const code = newCode();
  sandbox.state.codes[code] = { merchantId, scopes, expiresAt: sandbox.now() + CODE_TTL_MS, used: false };
  return code;
}

/** Square's expires_at has whole seconds. */
const expiry = (ms: number) => isoAt(ms).replace(/\.\d{3}Z$/, "Z");

function grant(sandbox: Sandbox, merchantId: string, scopes: string[], refreshToken: string) {
  const accessToken = newAccessToken();
  const expiresAt = sandbox.now() + sandbox.accessTokenTtlMs;
  sandbox.state.accessTokens[accessToken] = { merchantId, scopes, expiresAt, refreshToken, revoked: false };
  return {
    access_token: accessToken,
    token_type: "bearer",
    expires_at: expiry(expiresAt),
    merchant_id: merchantId,
    refresh_token: refreshToken,
    short_lived: false,
  };
}

export function obtainToken(sandbox: Sandbox, body: Body) {
  if (text(body, "client_id") !== sandbox.applicationId || text(body, "client_secret") !== sandbox.applicationSecret)
    throw unauthorized("Invalid client_id or client_secret.");
  const grantType = text(body, "grant_type");
  if (grantType === "authorization_code") {
    const code = text(body, "code");
    if (!code) throw missingField("code");
    const record = sandbox.state.codes[code];
    if (!record || record.used || record.expiresAt <= sandbox.now())
      throw unauthorized("The authorization code is invalid, expired or already used.");
    record.used = true;
    const refreshToken = newRefreshToken();
    sandbox.state.refreshTokens[refreshToken] = {
      merchantId: record.merchantId,
      scopes: record.scopes,
      revoked: false,
    };
    return grant(sandbox, record.merchantId, record.scopes, refreshToken);
  }
  if (grantType === "refresh_token") {
    const refreshToken = text(body, "refresh_token");
    if (!refreshToken) throw missingField("refresh_token");
    const record = sandbox.state.refreshTokens[refreshToken];
    if (!record) throw unauthorized("The refresh token is invalid.");
    // What Square has answered for a revoked grant's refresh (connect-ruby-sdk#73).
    if (record.revoked) throw badRequest("The refresh token has been revoked.", "refresh_token");
    return grant(sandbox, record.merchantId, record.scopes, refreshToken);
  }
  throw badRequest(`Unsupported grant_type: ${grantType ?? "(none)"}`, "grant_type");
}

/** The token behind `Authorization: Bearer …`, or Square's 401 for unknown, expired and revoked ones. */
export function authenticate(sandbox: Sandbox, authorization: string | undefined): AccessTokenRecord {
  const token = /^Bearer (.+)$/i.exec(authorization ?? "")?.[1];
  const record = token ? sandbox.state.accessTokens[token] : undefined;
  if (!record) throw unauthorized();
  if (record.revoked) throw tokenRevoked();
  if (record.expiresAt <= sandbox.now()) throw tokenExpired();
  return record;
}

export function tokenStatus(record: AccessTokenRecord, sandbox: Sandbox) {
  return {
    scopes: record.scopes,
    expires_at: expiry(record.expiresAt),
    client_id: sandbox.applicationId,
    merchant_id: record.merchantId,
  };
}

/** Ends every grant the merchant gave the app and tells the app (oauth.authorization.revoked). */
export function revokeMerchant(sandbox: Sandbox, merchantId: string, revoker: "APPLICATION" | "MERCHANT") {
  const { accessTokens, refreshTokens } = sandbox.state;
  for (const t of [...Object.values(accessTokens), ...Object.values(refreshTokens)])
    if (t.merchantId === merchantId) t.revoked = true;
  emitEvent(sandbox, merchantId, "oauth.authorization.revoked", {
    type: "revocation",
    id: newUuid(),
    object: { revocation: { revoked_at: isoAt(sandbox.now()), revoker_type: revoker } },
  });
}

/** POST /oauth2/revoke: `Authorization: Client <secret>` and `{client_id, access_token | merchant_id}`. */
export function revokeToken(sandbox: Sandbox, authorization: string | undefined, body: Body) {
  if (authorization !== `Client ${sandbox.applicationSecret}` || text(body, "client_id") !== sandbox.applicationId)
    throw unauthorized("Revoking needs `Authorization: Client <application secret>` and the app's client_id.");
  const accessToken = text(body, "access_token");
  const merchantId = accessToken ? sandbox.state.accessTokens[accessToken]?.merchantId : text(body, "merchant_id");
  if (!accessToken && !merchantId) throw missingField("access_token");
  if (!merchantId || !sandbox.state.merchants[merchantId]) throw unauthorized("Nothing to revoke for that token.");
  revokeMerchant(sandbox, merchantId, "APPLICATION");
  return { success: true };
}
