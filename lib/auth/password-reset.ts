import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { linkToken } from "@/lib/validation";
import { recordAudit } from "@/lib/audit";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { passwordResetEmail, sendEmail } from "@/lib/email";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { emailSchema, hashPassword, newPasswordSchema } from "./password";
import type { RequestMeta } from "./request-meta";
import { revokeAllSessions } from "./sessions";

const RESET_TTL_MS = 30 * 60 * 1000;
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

export const requestResetInput = z.object({ email: emailSchema });
export const resetPasswordInput = z.object({ token: linkToken(20, 200), password: newPasswordSchema });

/** Same answer whether or not the account exists; the email is sent only when it does. */
export async function requestPasswordReset(input: z.infer<typeof requestResetInput>, meta: RequestMeta): Promise<void> {
  await rateLimit("passwordResetPerIp", meta.ip);
  await rateLimit("passwordResetPerEmail", input.email);
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true, status: true } });
  if (!user || user.status !== "ACTIVE") return;
  const token = randomBytes(32).toString("base64url");
  await db().passwordResetToken.create({
    data: { userId: user.id, tokenHash: sha256(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) },
  });
  const link = `${config().NEXTAUTH_URL}/reset-password?token=${token}`;
  await sendEmail({ to: input.email, ...passwordResetEmail(link) });
  await recordAudit({ action: "auth.password_reset_requested", actorId: user.id, ...meta });
}

/** Single use: a conditional update claims the token; every session of the account ends. */
export async function resetPassword(
  input: z.infer<typeof resetPasswordInput>,
  meta: RequestMeta,
): Promise<{ userId: string }> {
  const tokenHash = sha256(input.token);
  const passwordHash = await hashPassword(input.password);
  const row = await db().passwordResetToken.findUnique({ where: { tokenHash }, select: { id: true, userId: true } });
  const claimed = row
    ? await db().passwordResetToken.updateMany({
        where: { id: row.id, usedAt: null, expiresAt: { gt: new Date() } },
        data: { usedAt: new Date() },
      })
    : { count: 0 };
  if (!row || claimed.count !== 1) {
    throw new AppError("invalid_token", "This reset link has expired or was already used. Ask for a new one.");
  }
  await db().user.update({ where: { id: row.userId }, data: { passwordHash } });
  const endedSessions = await revokeAllSessions(row.userId);
  await recordAudit({ action: "auth.password_reset", actorId: row.userId, metadata: { endedSessions }, ...meta });
  return { userId: row.userId };
}
