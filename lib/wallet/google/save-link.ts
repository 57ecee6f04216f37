import "server-only";
import { SignJWT } from "jose";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getOrCreatePass } from "@/lib/merchants";
import { logger } from "@/lib/observability";
import { GoogleWalletError } from "./errors";
import { unsafeEnsureGoogleObject } from "./loyalty-object";
import { googleWalletSetup } from "./service-account";
import { unsafeSyncGooglePass } from "./sync-google-pass";

export const SAVE_URL = "https://pay.google.com/gp/v/save/";

/**
 * The driver's "Add to Google Wallet" link. The object is inserted over REST first (with the
 * balances of now), so the signed JWT carries only its id: a re-saved link never holds stale
 * balances, and the object is patched afterwards.
 */
export async function getGoogleSaveLink(actor: Actor): Promise<string> {
  assertCan(actor, "driver:use");
  const configured = await googleWalletSetup();
  if (!configured.ok) throw new AppError("provider_unavailable", `Google Wallet is unavailable: ${configured.reason}`);
  const { setup } = configured;
  await getOrCreatePass(actor);
  let objectId: string;
  try {
    const ensured = await unsafeEnsureGoogleObject(setup, actor.userId);
    objectId = ensured.objectId;
    // found already there (409): Google may hold older balances than ours
    if (!ensured.created) await unsafeSyncGooglePass(actor.userId);
  } catch (err) {
    if (!(err instanceof GoogleWalletError)) throw err;
    logger.warn({ provider: "google-wallet", status: err.status, detail: err.message }, "save link not made");
    throw new AppError(
      "provider_unavailable",
      "Google Wallet is not answering right now. Please try again in a moment.",
    );
  }
  const jwt = await new SignJWT({
    typ: "savetowallet",
    origins: [new URL(config().NEXTAUTH_URL).origin],
    payload: { loyaltyObjects: [{ id: objectId }] },
  })
    .setProtectedHeader({ alg: "RS256", typ: "JWT" })
    .setIssuer(setup.account.clientEmail)
    .setAudience("google")
    .setIssuedAt()
    .sign(setup.account.privateKey);
  return `${SAVE_URL}${jwt}`;
}

export type GooglePassStatus = {
  available: boolean;
  reason?: string;
  /** The object was inserted (Google gives no way to learn whether the driver saved it). */
  added: boolean;
  syncedAt: Date | null;
};

/** What the driver's pass page shows about Google Wallet. */
export async function getGooglePassStatus(actor: Actor): Promise<GooglePassStatus> {
  assertCan(actor, "driver:use");
  const configured = await googleWalletSetup();
  const pass = await db().walletPass.findUnique({
    where: { userId: actor.userId },
    select: { googleInsertedAt: true, googleSyncedAt: true },
  });
  return {
    available: configured.ok,
    ...(configured.ok ? {} : { reason: configured.reason }),
    added: Boolean(pass?.googleInsertedAt),
    syncedAt: pass?.googleSyncedAt ?? null,
  };
}
