import "server-only";
import { createPrivateKey, X509Certificate, type KeyObject } from "node:crypto";
import { config, type Env } from "@/lib/config";

/** What signs a pass (and, the same certificate, authenticates pushes to APNs). */
export type AppleCredentials = {
  passTypeIdentifier: string;
  teamIdentifier: string;
  wwdr: string;
  signerCert: string;
  /** Decrypted here (node:crypto reads every PEM key form; node-forge, which signs, reads fewer). */
  signerKey: string;
  /** The Pass Type ID certificate's last day: passes and pushes both stop then. */
  certificateExpiresAt: Date;
};

export type ApplePassAvailability = { available: true } | { available: false; reason: string };
type Checked = { ok: true; credentials: AppleCredentials } | { ok: false; reason: string };

const REQUIRED = {
  APPLE_PASS_TYPE_ID: "the Pass Type ID",
  APPLE_TEAM_ID: "the team id",
  APPLE_WWDR_CERT: "Apple's WWDR certificate",
  APPLE_PASS_CERT: "the Pass Type ID certificate",
  APPLE_PASS_KEY: "its private key",
} as const;

// Parsing certificates costs a few milliseconds: checked once per configuration, again hourly so a
// certificate that expires while the server runs stops being offered.
const RECHECK_MS = 60 * 60 * 1000;
const checked = new WeakMap<Env, { result: Checked; at: number }>();

/** Whether this deployment can sign passes, and if not, which setting to fix (never a broken file). */
export function applePassAvailability(env: Env = config(), now?: Date): ApplePassAvailability {
  const result = checkCredentials(env, now);
  return result.ok ? { available: true } : { available: false, reason: result.reason };
}

/** The signing material, or an error naming the setting that is missing or wrong (checked once per config; `now` checks afresh). */
export function checkCredentials(env: Env = config(), now?: Date): Checked {
  if (now) return inspect(env, now);
  const cached = checked.get(env);
  if (cached && Date.now() - cached.at < RECHECK_MS) return cached.result;
  const result = inspect(env, new Date());
  checked.set(env, { result, at: Date.now() });
  return result;
}

/** Env files hold PEM on one line with "\n" escapes. */
const pem = (value: string) => value.replace(/\\n/g, "\n").trim() + "\n";

function inspect(env: Env, now: Date): Checked {
  const missing = (Object.keys(REQUIRED) as (keyof typeof REQUIRED)[]).filter((name) => !env[name]);
  if (missing.length > 0) {
    const list = missing.map((name) => `${name} (${REQUIRED[name]})`).join(", ");
    return refuse(
      `Apple Wallet passes are not set up on this server: ${list} ${missing.length > 1 ? "are" : "is"} not set.`,
    );
  }
  const wwdr = readCertificate(env.APPLE_WWDR_CERT!);
  if (!wwdr) return refuse("APPLE_WWDR_CERT is not a readable PEM certificate.");
  const signer = readCertificate(env.APPLE_PASS_CERT!);
  if (!signer) return refuse("APPLE_PASS_CERT is not a readable PEM certificate.");
  const key = readKey(env.APPLE_PASS_KEY!, env.APPLE_PASS_KEY_PASSPHRASE);
  if (!key)
    return refuse(
      "APPLE_PASS_KEY cannot be read: it must be a PEM private key, and if it is encrypted, APPLE_PASS_KEY_PASSPHRASE must open it.",
    );
  if (key.asymmetricKeyType !== "rsa")
    return refuse("APPLE_PASS_KEY must be an RSA key (the one Apple's certificate request was made with).");
  if (!signer.checkPrivateKey(key)) return refuse("APPLE_PASS_KEY does not belong to APPLE_PASS_CERT.");
  const expiresAt = new Date(signer.validTo);
  if (expiresAt <= now) return refuse(`APPLE_PASS_CERT expired on ${expiresAt.toISOString().slice(0, 10)}.`);
  if (new Date(wwdr.validTo) <= now) return refuse("APPLE_WWDR_CERT has expired (use Apple's WWDR G4 certificate).");
  if (!signer.checkIssued(wwdr))
    return refuse("APPLE_PASS_CERT was not issued by APPLE_WWDR_CERT (use Apple's WWDR G4 certificate).");
  // Wallet refuses a pass whose type or team differs from the certificate's (Safari: "cannot download")
  const subject = signer.subject.split("\n");
  if (!subject.includes(`UID=${env.APPLE_PASS_TYPE_ID}`))
    return refuse(`APPLE_PASS_CERT is not the certificate of ${env.APPLE_PASS_TYPE_ID} (APPLE_PASS_TYPE_ID).`);
  if (!subject.includes(`OU=${env.APPLE_TEAM_ID}`))
    return refuse(`APPLE_PASS_CERT does not belong to team ${env.APPLE_TEAM_ID} (APPLE_TEAM_ID).`);
  return {
    ok: true,
    credentials: {
      passTypeIdentifier: env.APPLE_PASS_TYPE_ID!,
      teamIdentifier: env.APPLE_TEAM_ID!,
      wwdr: pem(env.APPLE_WWDR_CERT!),
      signerCert: pem(env.APPLE_PASS_CERT!),
      signerKey: key.export({ type: "pkcs1", format: "pem" }).toString(),
      certificateExpiresAt: expiresAt,
    },
  };
}

const refuse = (reason: string): Checked => ({ ok: false, reason });

function readCertificate(value: string): X509Certificate | null {
  try {
    return new X509Certificate(pem(value));
  } catch {
    return null;
  }
}

function readKey(value: string, passphrase: string | undefined): KeyObject | null {
  try {
    return createPrivateKey({ key: pem(value), format: "pem", passphrase });
  } catch {
    return null;
  }
}
