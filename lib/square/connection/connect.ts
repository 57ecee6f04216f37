import "server-only";
import type { Square } from "square";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { requireOwner, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { encryptToken } from "@/lib/crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { squareApp, squareSdk } from "@/lib/integrations/square";
import { merchantFromSquareState, signSquareState } from "./connect-state";
import { storeSquareGrant, type SquareGrant } from "./store-grant";
import { isDefiniteRefusal, squareUnavailable } from "./square-failure";

export const SQUARE_SCOPES = ["MERCHANT_PROFILE_READ", "ORDERS_READ", "PAYMENTS_READ", "CUSTOMERS_READ"];

export const squareCallbackInput = z.object({
  code: z.string().min(1).max(500),
  state: z.string().min(1).max(2000),
});

const redirectUri = () => new URL("/api/square/callback", config().NEXTAUTH_URL).toString();

/** Square's consent page for an owner, with a state bound to them and to this merchant. */
export async function startSquareConnect(actor: Actor, merchantId: string): Promise<string> {
  await requireOwner(actor, merchantId);
  const { applicationId } = squareApp();
  const url = new URL("/oauth2/authorize", config().SQUARE_API_BASE);
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", SQUARE_SCOPES.join(" "));
  url.searchParams.set("session", "false");
  url.searchParams.set("state", await signSquareState(actor.userId, merchantId));
  url.searchParams.set("redirect_uri", redirectUri());
  return url.toString();
}

/**
 * The callback: the state checked (signature, age, same person, still an owner), the code
 * exchanged, the seller's locations read with the new token, then grant and locations stored in one
 * transaction (tokens encrypted). A Square account or location that belongs to another Nerava
 * merchant is refused and nothing is written.
 */
export async function completeSquareConnect(
  actor: Actor,
  input: z.infer<typeof squareCallbackInput>,
  meta: RequestMeta,
): Promise<{ merchantId: string; locations: number }> {
  const merchantId = await merchantFromSquareState(actor.userId, input.state);
  await requireOwner(actor, merchantId);
  const { applicationId, applicationSecret } = squareApp();
  const app = await squareSdk();
  const tokens = await app.oAuth
    .obtainToken({
      clientId: applicationId,
      clientSecret: applicationSecret,
      code: input.code,
      grantType: "authorization_code",
      redirectUri: redirectUri(),
    })
    .catch((err: unknown) => {
      if (isDefiniteRefusal(err))
        throw new AppError("invalid_code", "Square did not accept this connection. Start again from the Square page.");
      throw squareUnavailable();
    });
  if (!tokens.accessToken || !tokens.refreshToken || !tokens.merchantId || !tokens.expiresAt) throw squareUnavailable();
  const seller = await squareSdk(tokens.accessToken);
  const listed = await seller.locations.list().catch(() => {
    throw squareUnavailable();
  });
  const grant: SquareGrant = {
    merchantId,
    squareMerchantId: tokens.merchantId,
    accessTokenEnc: encryptToken(tokens.accessToken),
    refreshTokenEnc: encryptToken(tokens.refreshToken),
    expiresAt: new Date(tokens.expiresAt),
    scopes: SQUARE_SCOPES,
    connectedById: actor.userId,
    locations: (listed.locations ?? []).filter((l) => l.id).map(toLocation),
  };
  await db().$transaction((tx) => storeSquareGrant(tx, grant));
  await recordAudit({
    action: "square.connect",
    actorId: actor.userId,
    targetType: "merchant",
    targetId: merchantId,
    metadata: { squareMerchantId: grant.squareMerchantId, locations: grant.locations.length },
    ...meta,
  });
  return { merchantId, locations: grant.locations.length };
}

function toLocation(l: Square.Location): SquareGrant["locations"][number] {
  const a = l.address;
  const cityLine = [a?.locality, [a?.administrativeDistrictLevel1, a?.postalCode].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const address = [a?.addressLine1, a?.addressLine2, cityLine].filter(Boolean).join(", ");
  return {
    squareLocationId: l.id!,
    name: l.name || l.businessName || "Square location",
    address: address || null,
    latitude: l.coordinates?.latitude ?? null,
    longitude: l.coordinates?.longitude ?? null,
    timezone: l.timezone ?? null,
    active: l.status !== "INACTIVE",
  };
}
