import "server-only";
import { config, type Env } from "@/lib/config";
import { pemFromEnv } from "../pem";

export type ApnsSettings = {
  /** https://api.push.apple.com, or a test server. */
  url: string;
  /** The Pass Type ID: the push topic, and the pass type the registrations are for. */
  topic: string;
  /** The Pass Type ID certificate and key: they sign passes and are the APNs TLS client identity. */
  cert: string;
  key: string;
  passphrase?: string;
  /** Trust for a test server; Node's own roots otherwise. */
  ca?: string;
};

/** What a push needs, or null when Apple Wallet is not configured (passes are unavailable then). */
export function apnsSettings(env: Env = config()): ApnsSettings | null {
  const cert = pemFromEnv(env.APPLE_PASS_CERT);
  const key = pemFromEnv(env.APPLE_PASS_KEY);
  if (!env.APPLE_PASS_TYPE_ID || !cert || !key) return null;
  return {
    url: env.APNS_URL,
    topic: env.APPLE_PASS_TYPE_ID,
    cert,
    key,
    passphrase: env.APPLE_PASS_KEY_PASSPHRASE || undefined,
    ca: pemFromEnv(env.APNS_CA_CERT),
  };
}
