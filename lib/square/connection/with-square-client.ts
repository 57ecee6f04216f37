import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import type { SquareClient } from "square";
import { decryptToken } from "@/lib/crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isSquareError, squareSdk } from "@/lib/integrations/square";
import { unsafeRefreshSquareToken } from "./refresh";
import { squareUnavailable } from "./square-failure";

// The contract other parts rely on: withSquareClient(merchantId, fn) runs fn with the merchant's
// seller client, refuses with `square_not_connected` (and calls nothing) unless the grant is
// CONNECTED, refreshes a token that ends within a day first, and marks "reconnect required" on a 401
// that a fresh token does not cure.

const REFRESH_AHEAD_MS = 24 * 3600_000;
const WAIT_STEP_MS = 200;
const WAIT_STEPS = 25;

const read = (merchantId: string) =>
  db().squareConnection.findUnique({
    where: { merchantId },
    select: { status: true, accessTokenEnc: true, expiresAt: true, refreshLeaseUntil: true },
  });
type Grant = NonNullable<Awaited<ReturnType<typeof read>>>;

const notConnected = (grant: Grant | null) =>
  new AppError(
    "square_not_connected",
    grant?.status === "RECONNECT_REQUIRED"
      ? "This business's Square connection needs an owner to reconnect it."
      : "This business is not connected to Square.",
  );

/** A CONNECTED grant whose token is good for at least a day, refreshing (or waiting for a refresh) first. */
async function usableGrant(merchantId: string): Promise<Grant & { accessTokenEnc: string }> {
  let grant = await read(merchantId);
  const endsSoon = (g: Grant) => g.expiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS;
  if (grant?.status === "CONNECTED" && endsSoon(grant)) {
    const outcome = await unsafeRefreshSquareToken(merchantId, { force: true });
    grant = await read(merchantId);
    // another refresh holds the lease: wait briefly for its result
    for (let i = 0; outcome === "skipped" && i < WAIT_STEPS && grant?.status === "CONNECTED"; i++) {
      if (!grant.refreshLeaseUntil || grant.refreshLeaseUntil.getTime() < Date.now() || !endsSoon(grant)) break;
      await sleep(WAIT_STEP_MS);
      grant = await read(merchantId);
    }
  }
  if (!grant || grant.status !== "CONNECTED" || !grant.accessTokenEnc) throw notConnected(grant);
  // a refresh that failed for now leaves the old token, usable until it ends
  if (grant.expiresAt.getTime() <= Date.now()) throw squareUnavailable();
  return { ...grant, accessTokenEnc: grant.accessTokenEnc };
}

const unauthorized = (err: unknown) => isSquareError(err) && err.statusCode === 401;

/**
 * Runs `fn` with the merchant's Square seller client. A 401 may be a token that ended early, so
 * the token is refreshed and `fn` tried once more; a second 401 (or a refused refresh) marks the
 * grant "reconnect required". `fn` must be safe to run twice (reads, or a call a 401 refused).
 */
export async function withSquareClient<T>(merchantId: string, fn: (client: SquareClient) => Promise<T>): Promise<T> {
  const grant = await usableGrant(merchantId);
  try {
    return await fn(await squareSdk(decryptToken(grant.accessTokenEnc)));
  } catch (err) {
    if (!unauthorized(err)) throw err;
    let last = err;
    const refresh = await unsafeRefreshSquareToken(merchantId, { force: true });
    if (refresh === "refreshed") {
      const fresh = await read(merchantId);
      if (fresh?.status === "CONNECTED" && fresh.accessTokenEnc) {
        try {
          return await fn(await squareSdk(decryptToken(fresh.accessTokenEnc)));
        } catch (again) {
          if (!unauthorized(again)) throw again;
          last = again;
        }
      }
    }
    // a refresh Square did not answer leaves the grant as it is: the 401 may yet pass
    if (refresh !== "unavailable")
      await unsafeMarkReconnectRequired(db(), { merchantId }, "Square refused our access (401).");
    throw last;
  }
}

/** The grant no longer works (revoked, refused refresh, 401): the dashboard says "reconnect required". */
export async function unsafeMarkReconnectRequired(
  client: Pick<Tx, "squareConnection">,
  where: { merchantId: string } | { squareMerchantId: string },
  reason: string,
): Promise<number> {
  const { count } = await client.squareConnection.updateMany({
    where: { ...where, status: "CONNECTED" },
    data: { status: "RECONNECT_REQUIRED", statusReason: reason },
  });
  return count;
}
