import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { config } from "@/lib/config";

// The token in every notification email's unsubscribe link: the user id and an HMAC of it under a
// key derived from the auth secret for this purpose alone. It never expires (an old email's link
// must keep working) and it can only turn email notices off, so it carries nothing else.

const PURPOSE = "nerava:notifications-unsubscribe:v1";
const mac = (userId: string) =>
  createHmac("sha256", `${PURPOSE}:${config().NEXTAUTH_SECRET}`).update(userId).digest("base64url");

export const unsubscribeToken = (userId: string) => `${Buffer.from(userId).toString("base64url")}.${mac(userId)}`;

/** The token as the page's button and the one-click POST receive it; the same sentences for both. */
export const unsubscribeTokenInput = z
  .string({ error: "This unsubscribe link is incomplete. Open it straight from the email." })
  .min(10, "This unsubscribe link is incomplete. Open it straight from the email.")
  .max(
    300,
    "This unsubscribe link is not valid. Open the latest email's link, or turn emails off on your account page.",
  );

/** The user the token was made for, or null for anything forged, altered or malformed. */
export function readUnsubscribeToken(token: string): string | null {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length > 0 || token.length > 300) return null;
  const userId = Buffer.from(encoded, "base64url").toString("utf8");
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(userId)) return null;
  const [given, expected] = [Buffer.from(signature), Buffer.from(mac(userId))];
  return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

const base = () => config().NEXTAUTH_URL.replace(/\/+$/, "");
/** The page a person opens from the email (works signed out). */
export const unsubscribePageUrl = (userId: string) => `${base()}/unsubscribe?token=${unsubscribeToken(userId)}`;
/** RFC 8058 one-click target for mail clients (List-Unsubscribe-Post). */
export const unsubscribePostUrl = (userId: string) =>
  `${base()}/api/notifications/unsubscribe?token=${unsubscribeToken(userId)}`;
