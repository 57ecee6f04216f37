import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { linkToken } from "@/lib/validation";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { magicLinkEmail, sendEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { emailSchema } from "./password";
import type { RequestMeta } from "./request-meta";
import { completeSignIn } from "./complete-sign-in";
import { findOrCreateDriver } from "./create-driver";
import { refuseNewAccountWhilePaused } from "./sign-ups-paused";

const LINK_TTL_MS = 15 * 60 * 1000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const requestLinkInput = z.object({ email: emailSchema });
export const consumeLinkInput = z.object({ email: emailSchema, token: linkToken(20, 200) });

/** Emails a 15-minute, single-use sign-in link. Only the token's hash is stored. */
export async function requestMagicLink(input: z.infer<typeof requestLinkInput>, meta: RequestMeta): Promise<void> {
  await rateLimit("emailLinkPerIp", meta.ip);
  await rateLimit("magicLinkPerEmail", input.email);
  const token = randomBytes(32).toString("base64url");
  await db().verificationToken.create({
    data: { identifier: input.email, token: sha256(token), expires: new Date(Date.now() + LINK_TTL_MS) },
  });
  const link = `${config().NEXTAUTH_URL}/auth/magic?email=${encodeURIComponent(input.email)}&token=${token}`;
  await sendEmail({ to: input.email, ...magicLinkEmail(link) });
}

/**
 * Deleting the token is the claim: of any number of concurrent uses exactly one deletes
 * the row. The email is proven, so an unknown address becomes a new driver account.
 */
export async function consumeMagicLink(input: z.infer<typeof consumeLinkInput>, meta: RequestMeta) {
  // checked before the link is used, so it still works once sign-ups are back on
  await refuseNewAccountWhilePaused({ email: input.email });
  const { count } = await db().verificationToken.deleteMany({
    where: { identifier: input.email, token: sha256(input.token), expires: { gt: new Date() } },
  });
  if (count !== 1)
    throw new AppError("invalid_link", "This sign-in link has expired or was already used. Ask for a new one.");
  const user = await findOrCreateDriver({ email: input.email });
  return completeSignIn(user, "magic_link", meta);
}
