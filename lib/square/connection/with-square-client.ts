import "server-only";
import { SquareError, type SquareClient } from "square";
import { decryptToken } from "@/lib/crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { squareSdk } from "@/lib/integrations/square";

// SKELETON (issue 11, part 2 replaces it): no refresh yet. The contract other parts rely on:
// withSquareClient(merchantId, fn) runs fn with the merchant's seller client, refuses with
// `square_not_connected` unless the grant is CONNECTED, and marks "reconnect required" on a 401.

/** Runs `fn` with the merchant's Square seller client. */
export async function withSquareClient<T>(merchantId: string, fn: (client: SquareClient) => Promise<T>): Promise<T> {
  const connection = await db().squareConnection.findUnique({
    where: { merchantId },
    select: { status: true, accessTokenEnc: true },
  });
  if (!connection || connection.status !== "CONNECTED")
    throw new AppError("square_not_connected", "This business is not connected to Square.");
  try {
    return await fn(squareSdk(decryptToken(connection.accessTokenEnc)));
  } catch (err) {
    if (err instanceof SquareError && err.statusCode === 401)
      await unsafeMarkReconnectRequired(db(), { merchantId }, "Square refused our access (401).");
    throw err;
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
