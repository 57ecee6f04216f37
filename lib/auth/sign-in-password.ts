import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assertEnabled } from "@/lib/flags";
import { clearRateLimit, rateLimit } from "@/lib/rate-limit";
import { emailSchema, hashPassword, newPasswordSchema, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";
import { completeSignIn } from "./complete-sign-in";
import { createDriverAccount } from "./create-driver";
import { createSession } from "./sessions";

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
});
export const signUpInput = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80),
  email: emailSchema,
  password: newPasswordSchema,
});

export async function signInWithPassword(input: z.infer<typeof signInInput>, meta: RequestMeta) {
  await rateLimit("signInPerIp", meta.ip);
  await rateLimit("signInPerAccount", input.email);
  const user = await db().user.findUnique({
    where: { email: input.email },
    select: { id: true, role: true, status: true, passwordHash: true },
  });
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    await recordAudit({
      action: "auth.sign_in_failed",
      actorId: user?.id,
      metadata: { method: "password", email: input.email },
      ...meta,
    });
    throw new AppError("invalid_credentials", "Email or password is incorrect.");
  }
  const session = await completeSignIn(user, "password", meta);
  await clearRateLimit("signInPerAccount", input.email);
  return session;
}

export async function signUpWithPassword(input: z.infer<typeof signUpInput>, meta: RequestMeta) {
  await assertEnabled("SIGN_UPS_ENABLED");
  await rateLimit("signUpPerIp", meta.ip);
  const passwordHash = await hashPassword(input.password);
  const existing = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (existing) throw new AppError("email_taken", "An account with this email already exists. Sign in instead.");
  // two sign-ups racing for one address: the unique index decides (the loser gets null)
  const user = await createDriverAccount({ email: input.email, name: input.name, passwordHash });
  if (!user) throw new AppError("email_taken", "An account with this email already exists. Sign in instead.");
  const session = await createSession(user.id, meta);
  await recordAudit({ action: "auth.sign_up", actorId: user.id, metadata: { method: "password" }, ...meta });
  return { ...session, role: user.role };
}
