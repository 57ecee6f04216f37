import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { assertCan, type Actor } from "@/lib/access";
import { hashPassword, newPasswordSchema, verifyPassword } from "./password";
import type { RequestMeta } from "./request-meta";
import { revokeAllSessions } from "./sessions";

export const changePasswordInput = z.object({
  currentPassword: z.string().max(200),
  newPassword: newPasswordSchema,
});

/** Re-asks the current password, then ends every other session of the actor (all but `currentSessionId`). */
export async function changePassword(
  actor: Actor,
  currentSessionId: string,
  input: z.infer<typeof changePasswordInput>,
  meta: RequestMeta,
): Promise<{ endedSessions: number }> {
  assertCan(actor, "account:manage");
  const userId = actor.userId;
  await rateLimit("signInPerAccount", userId);
  const user = await db().user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (user?.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("invalid_credentials", "Your current password is not right.");
  }
  await db().user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(input.newPassword) } });
  const endedSessions = await revokeAllSessions(userId, currentSessionId);
  await recordAudit({ action: "auth.password_changed", actorId: userId, metadata: { endedSessions }, ...meta });
  return { endedSessions };
}
