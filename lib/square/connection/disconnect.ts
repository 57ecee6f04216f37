import "server-only";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { requireOwner, type Actor } from "@/lib/access";
import { decryptToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { squareApp, squareSdk } from "@/lib/integrations/square";
import { logger } from "@/lib/observability";
import { describeSquareFailure, isDefiniteRefusal } from "./square-failure";

/**
 * An owner ends the connection: Square revokes our access first, then the grant is marked
 * DISCONNECTED and its tokens cleared. If Square does not answer nothing changes and the owner is
 * asked to try again (a grant we only forgot would keep sending us the seller's data). A grant Square
 * no longer knows (a JSON 4xx) is already gone there, so it is cleared here too.
 */
export async function disconnectSquare(actor: Actor, merchantId: string, meta: RequestMeta): Promise<void> {
  await requireOwner(actor, merchantId);
  const grant = await db().squareConnection.findUnique({
    where: { merchantId },
    select: { status: true, accessTokenEnc: true, squareMerchantId: true },
  });
  if (!grant || grant.status === "DISCONNECTED")
    throw new AppError("square_not_connected", "This business is not connected to Square.");
  if (grant.accessTokenEnc) {
    const { applicationId, applicationSecret } = squareApp();
    try {
      await (
        await squareSdk()
      ).oAuth.revokeToken(
        { clientId: applicationId, accessToken: decryptToken(grant.accessTokenEnc) },
        { headers: { Authorization: `Client ${applicationSecret}` } },
      );
    } catch (err) {
      if (!isDefiniteRefusal(err)) {
        throw new AppError(
          "provider_unavailable",
          "Square did not answer, so the connection is still on. Try disconnecting again in a few minutes.",
        );
      }
      logger.info({ merchantId, square: describeSquareFailure(err) }, "square revoke refused; grant already gone");
    }
  }
  await db().squareConnection.updateMany({
    where: { merchantId, status: { not: "DISCONNECTED" } },
    data: {
      status: "DISCONNECTED",
      statusReason: null,
      accessTokenEnc: null,
      refreshTokenEnc: null,
      refreshLeaseUntil: null,
    },
  });
  await recordAudit({
    action: "square.disconnect",
    actorId: actor.userId,
    targetType: "merchant",
    targetId: merchantId,
    metadata: { squareMerchantId: grant.squareMerchantId },
    ...meta,
  });
}
