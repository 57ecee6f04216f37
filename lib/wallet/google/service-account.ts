import "server-only";
import { importPKCS8, type CryptoKey } from "jose";
import { config } from "@/lib/config";

export const DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

/** What the app needs of the Google Wallet setup: the issuer, the service account and its imported key. */
export type GoogleWalletSetup = {
  issuerId: string;
  classId: string;
  apiBase: string;
  account: ServiceAccount;
};

export type ServiceAccount = { clientEmail: string; tokenUri: string; privateKey: CryptoKey };

export type SetupResult = { ok: true; setup: GoogleWalletSetup } | { ok: false; reason: string };

/**
 * Reads the service account's JSON key text (client_email, private_key, token_uri) and imports
 * its key. Reasons are fixed sentences: nothing of the key text reaches a log or a response.
 */
export async function readServiceAccount(jsonText: string): Promise<ServiceAccount | { reason: string }> {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    return { reason: "GOOGLE_WALLET_SERVICE_ACCOUNT is not valid JSON (it must be the service account's key file)." };
  }
  const sa = (raw ?? {}) as { client_email?: unknown; private_key?: unknown; token_uri?: unknown };
  if (typeof sa.client_email !== "string" || !sa.client_email.includes("@"))
    return { reason: "GOOGLE_WALLET_SERVICE_ACCOUNT has no client_email." };
  if (typeof sa.private_key !== "string" || !sa.private_key.trim())
    return { reason: "GOOGLE_WALLET_SERVICE_ACCOUNT has no private_key." };
  const tokenUri = typeof sa.token_uri === "string" && sa.token_uri ? sa.token_uri : DEFAULT_TOKEN_URI;
  if (!URL.canParse(tokenUri)) return { reason: "GOOGLE_WALLET_SERVICE_ACCOUNT has a token_uri that is not a URL." };
  try {
    const privateKey = await importPKCS8(sa.private_key, "RS256");
    return { clientEmail: sa.client_email, tokenUri, privateKey };
  } catch {
    return { reason: "GOOGLE_WALLET_SERVICE_ACCOUNT's private_key cannot be imported as an RSA key (PKCS#8 PEM)." };
  }
}

let cached: { source: string; result: Promise<SetupResult> } | undefined;

/** The configured setup, read once per process (per configuration text). */
export function googleWalletSetup(): Promise<SetupResult> {
  const env = config();
  const source = `${env.GOOGLE_WALLET_ISSUER_ID ?? ""}\n${env.GOOGLE_WALLET_SERVICE_ACCOUNT ?? ""}`;
  if (cached?.source !== source) cached = { source, result: loadSetup() };
  return cached.result;
}

async function loadSetup(): Promise<SetupResult> {
  const env = config();
  if (!env.GOOGLE_WALLET_ISSUER_ID) return { ok: false, reason: "GOOGLE_WALLET_ISSUER_ID is not set." };
  if (!env.GOOGLE_WALLET_SERVICE_ACCOUNT) return { ok: false, reason: "GOOGLE_WALLET_SERVICE_ACCOUNT is not set." };
  const account = await readServiceAccount(env.GOOGLE_WALLET_SERVICE_ACCOUNT);
  if ("reason" in account) return { ok: false, reason: account.reason };
  return {
    ok: true,
    setup: {
      issuerId: env.GOOGLE_WALLET_ISSUER_ID,
      classId: `${env.GOOGLE_WALLET_ISSUER_ID}.${env.GOOGLE_WALLET_CLASS_SUFFIX}`,
      apiBase: env.GOOGLE_WALLET_API_BASE.replace(/\/+$/, ""),
      account,
    },
  };
}

export type GoogleWalletAvailability = { available: true } | { available: false; reason: string };

/** Whether Google Wallet passes can be offered here, and why not. */
export async function googleWalletAvailability(): Promise<GoogleWalletAvailability> {
  const result = await googleWalletSetup();
  return result.ok ? { available: true } : { available: false, reason: result.reason };
}
