import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { cardCash, unsafeGetCardFacts } from "../card";
import { getOrCreatePass, PASS_PREFIX } from "../pass";
import { hashPassToken, passAuthToken } from "./auth-token";
import { checkCredentials, type AppleCredentials } from "./credentials";
import { unsafePassLocations } from "./pass-locations";
import { passModelFiles } from "./pass-model";

export const PKPASS_MIME = "application/vnd.apple.pkpass";

export type BuiltPass = { buffer: Buffer; lastModified: Date };

/** Where devices reach the PassKit web service (they append /v1/…). */
export function webServiceUrl(): string {
  const env = config();
  return (env.WALLET_WEB_SERVICE_URL ?? `${env.NEXTAUTH_URL.replace(/\/+$/, "")}/api/wallet/apple`).replace(/\/+$/, "");
}

/** The credentials, or a 503 whose message says which setting to fix. */
export function requireCredentials(): AppleCredentials {
  const checked = checkCredentials();
  if (!checked.ok) throw new AppError("wallet_unavailable", checked.reason);
  return checked.credentials;
}

/** Unscoped (the web service, after the device's token was checked): the driver's signed pass as it is now. */
export async function buildApplePass(userId: string): Promise<BuiltPass> {
  const credentials = requireCredentials();
  const facts = await unsafeGetCardFacts(userId);
  if (!facts) throw notFound("That pass");
  const locations = await unsafePassLocations(userId);
  const { wwdr, signerCert, signerKey, passTypeIdentifier, teamIdentifier } = credentials;
  // loaded here, not with the module: only a pass build needs it (about 120 files)
  const { PKPass } = await import("passkit-generator");
  const pass = new PKPass(
    passModelFiles(),
    { wwdr, signerCert, signerKey },
    {
      passTypeIdentifier,
      teamIdentifier,
      serialNumber: facts.serialNumber,
      authenticationToken: passAuthToken(facts.serialNumber),
      webServiceURL: webServiceUrl(),
    },
  );
  setValue(pass.primaryFields, "nova", facts.novaAvailable.toLocaleString("en-US"));
  setValue(pass.secondaryFields, "held", facts.novaHeld.toLocaleString("en-US"));
  setValue(pass.secondaryFields, "cash", cardCash(facts.cashCents));
  setValue(pass.auxiliaryFields, "holder", facts.holderName);
  // identifies the driver at the counter; the spend flow refuses it as payment
  pass.setBarcodes({
    message: `${PASS_PREFIX}${facts.serialNumber}`,
    format: "PKBarcodeFormatQR",
    messageEncoding: "iso-8859-1",
  });
  if (locations.length > 0) pass.setLocations(...locations);
  return { buffer: pass.getAsBuffer(), lastModified: facts.updatedAt };
}

/** The signed-in driver's pass file; their pass is made on first use and its device token issued. */
export async function downloadApplePass(actor: Actor): Promise<BuiltPass> {
  assertCan(actor, "driver:use");
  requireCredentials();
  const { serialNumber } = await getOrCreatePass(actor);
  await unsafeIssueAppleToken(actor.userId, serialNumber);
  return buildApplePass(actor.userId);
}

/**
 * The first Apple issue replaces the placeholder hash with the derived token's, in one conditional
 * update: later issues (and a second download racing this one) change nothing, since the token a
 * device holds can never change.
 */
async function unsafeIssueAppleToken(userId: string, serialNumber: string): Promise<void> {
  await db().walletPass.updateMany({
    where: { userId, serialNumber, appleIssuedAt: null },
    data: { authTokenHash: hashPassToken(passAuthToken(serialNumber)), appleIssuedAt: new Date() },
  });
}

function setValue(fields: { key: string; value: unknown }[], key: string, value: string) {
  const field = fields.find((f) => f.key === key);
  if (!field) throw new Error(`pass model has no field "${key}"`);
  field.value = value;
}
