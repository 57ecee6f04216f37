import "server-only";
import { config } from "@/lib/config";
import { decryptToken, encryptToken } from "@/lib/crypto";
import { db, Prisma } from "@/lib/db";
import { squareApp, squareSdk } from "@/lib/integrations/square";
import { logger } from "@/lib/observability";
import { describeSquareFailure, isDefiniteRefusal } from "./square-failure";

const DAY_MS = 24 * 3600_000;
const LEASE_MS = 2 * 60_000;
/** Square's tokens last 30 days; one that ends within this window is refreshed whatever its age. */
const EXPIRY_WINDOW_MS = 8 * DAY_MS;

export type RefreshOutcome =
  /** New tokens stored. */
  | "refreshed"
  /** Another refresh holds the lease, or the grant is not due (without `force`) or not connected. */
  | "skipped"
  /** Square refused the refresh token: the grant is now RECONNECT_REQUIRED. */
  | "refused"
  /** No usable answer (5xx, HTML page, timeout, dropped connection): tokens kept, tried again later. */
  | "unavailable";

/** Grants the job refreshes: last refreshed (or connected) too long ago, or ending soon. */
export function dueForRefresh(now = new Date()): Prisma.SquareConnectionWhereInput {
  const stale = new Date(now.getTime() - config().SQUARE_REFRESH_AFTER_DAYS * DAY_MS);
  return {
    OR: [
      { refreshedAt: { lt: stale } },
      { refreshedAt: null, connectedAt: { lt: stale } },
      { expiresAt: { lt: new Date(now.getTime() + EXPIRY_WINDOW_MS) } },
    ],
  };
}

const leaseFree = (now: Date): Prisma.SquareConnectionWhereInput => ({
  OR: [{ refreshLeaseUntil: null }, { refreshLeaseUntil: { lt: now } }],
});

/**
 * Unscoped (the job and withSquareClient call it): refreshes one merchant's grant. The lease is
 * one conditional UPDATE, so of two refreshes at once exactly one calls Square; without `force`
 * only a grant due for refresh is taken.
 */
export async function unsafeRefreshSquareToken(
  merchantId: string,
  { force = false }: { force?: boolean } = {},
): Promise<RefreshOutcome> {
  const now = new Date();
  const { count } = await db().squareConnection.updateMany({
    where: { merchantId, status: "CONNECTED", AND: [leaseFree(now), ...(force ? [] : [dueForRefresh(now)])] },
    data: { refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (count === 0) return "skipped";
  const held = { merchantId, status: "CONNECTED" as const };
  const current = await db().squareConnection.findUnique({ where: { merchantId }, select: { refreshTokenEnc: true } });
  if (!current?.refreshTokenEnc) return "skipped";
  try {
    const { applicationId, applicationSecret } = squareApp();
    const tokens = await (
      await squareSdk()
    ).oAuth.obtainToken({
      clientId: applicationId,
      clientSecret: applicationSecret,
      grantType: "refresh_token",
      refreshToken: decryptToken(current.refreshTokenEnc),
    });
    if (!tokens.accessToken || !tokens.expiresAt) throw new Error("Square's token answer had no access token");
    await db().squareConnection.updateMany({
      where: held,
      data: {
        accessTokenEnc: encryptToken(tokens.accessToken),
        // the code flow keeps its refresh token; store a new one should Square ever send one
        ...(tokens.refreshToken ? { refreshTokenEnc: encryptToken(tokens.refreshToken) } : {}),
        expiresAt: new Date(tokens.expiresAt),
        refreshedAt: new Date(),
        refreshLeaseUntil: null,
      },
    });
    return "refreshed";
  } catch (err) {
    if (isDefiniteRefusal(err)) {
      await db().squareConnection.updateMany({
        where: held,
        data: {
          status: "RECONNECT_REQUIRED",
          statusReason: `Square refused to renew our access (${describeSquareFailure(err)}). An owner must reconnect.`,
          refreshLeaseUntil: null,
        },
      });
      logger.warn({ merchantId, square: describeSquareFailure(err) }, "square refresh refused: reconnect required");
      return "refused";
    }
    await db().squareConnection.updateMany({ where: { merchantId }, data: { refreshLeaseUntil: null } });
    logger.warn({ merchantId, square: describeSquareFailure(err) }, "square refresh failed; will try again");
    return "unavailable";
  }
}

/** The hourly job: every due grant, one merchant at a time. */
export async function unsafeRefreshDueSquareTokens(limit = 200): Promise<Record<RefreshOutcome, number>> {
  const now = new Date();
  const due = await db().squareConnection.findMany({
    where: { status: "CONNECTED", AND: [leaseFree(now), dueForRefresh(now)] },
    select: { merchantId: true },
    orderBy: { expiresAt: "asc" },
    take: limit,
  });
  const counts: Record<RefreshOutcome, number> = { refreshed: 0, skipped: 0, refused: 0, unavailable: 0 };
  for (const { merchantId } of due) counts[await unsafeRefreshSquareToken(merchantId)]++;
  return counts;
}
