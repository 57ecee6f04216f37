import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { config } from "@/lib/config";

export const SQUARE_SIGNATURE_HEADER = "x-square-hmacsha256-signature";

/**
 * The URL Square signs over: the subscription's configured notification URL, never one rebuilt
 * from the request (a proxy changes its scheme or host, and the signature would not match).
 */
export function squareNotificationUrl(): string {
  const env = config();
  return env.SQUARE_WEBHOOK_URL ?? `${env.NEXTAUTH_URL.replace(/\/+$/, "")}/api/webhooks/square`;
}

/** base64 HMAC-SHA256 of notification URL + raw body, compared in constant time. */
export function squareSignatureVerifier(signatureKey: string, notificationUrl: string) {
  return (rawBody: string, headers: Headers): boolean => {
    const given = headers.get(SQUARE_SIGNATURE_HEADER);
    if (!given) return false;
    const expected = Buffer.from(
      createHmac("sha256", signatureKey)
        .update(notificationUrl + rawBody)
        .digest("base64"),
    );
    const actual = Buffer.from(given.trim());
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  };
}
