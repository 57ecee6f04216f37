import "server-only";
import { X509Certificate } from "node:crypto";
import { config, type Env } from "@/lib/config";
import { logger } from "@/lib/observability";
import { pemFromEnv } from "./pem";

export const CERTIFICATE_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export type WalletCertificateStatus = {
  configured: boolean;
  notAfter?: Date;
  /** Whole days until notAfter; negative once it has passed. */
  daysLeft?: number;
  /** Set when someone should act: it expires within 30 days, has expired, or cannot be read. */
  warning?: string;
};

/**
 * The Pass Type ID certificate (APPLE_PASS_CERT) both signs passes and authenticates pushes, so
 * on its notAfter day new passes and pass updates stop together.
 */
export function walletCertificateStatus(
  env: Pick<Env, "APPLE_PASS_CERT"> = config(),
  now = new Date(),
): WalletCertificateStatus {
  const pem = pemFromEnv(env.APPLE_PASS_CERT);
  if (!pem) return { configured: false };
  let notAfter: Date;
  try {
    notAfter = new Date(new X509Certificate(pem).validTo);
  } catch {
    return { configured: true, warning: "APPLE_PASS_CERT cannot be read as a PEM certificate." };
  }
  const daysLeft = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
  const day = notAfter.toISOString().slice(0, 10);
  if (notAfter <= now)
    return {
      configured: true,
      notAfter,
      daysLeft,
      warning: `The Apple pass certificate expired on ${day}: passes cannot be issued or updated. Renew it.`,
    };
  if (daysLeft < CERTIFICATE_WARNING_DAYS)
    return {
      configured: true,
      notAfter,
      daysLeft,
      warning:
        `The Apple pass certificate expires on ${day} (${daysLeft} days left): ` +
        "passes and pass updates stop that day. Renew it.",
    };
  return { configured: true, notAfter, daysLeft };
}

/** Logs the certificate's state: a warning within 30 days of expiry, an error once expired or unreadable. */
export function logWalletCertificateStatus(
  status = walletCertificateStatus(),
  now = new Date(),
): WalletCertificateStatus {
  if (!status.warning) return status;
  const expired = status.notAfter === undefined || status.notAfter <= now;
  const fields = { notAfter: status.notAfter?.toISOString(), daysLeft: status.daysLeft };
  if (expired) logger.error(fields, status.warning);
  else logger.warn(fields, status.warning);
  return status;
}
