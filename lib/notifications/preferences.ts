import "server-only";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { readUnsubscribeToken } from "./unsubscribe-token";

/** Whether the actor gets email notices of campaigns and events (off until they turn it on). */
export async function getNotificationPreference(actor: Actor): Promise<{ email: boolean }> {
  assertCan(actor, "account:manage");
  const pref = await db().notificationPreference.findUnique({ where: { userId: actor.userId } });
  return { email: pref?.email ?? false };
}

async function writeEmailPreference(userId: string, email: boolean) {
  await db().notificationPreference.upsert({ where: { userId }, update: { email }, create: { userId, email } });
}

/** The account page's switch, audited. */
export async function setEmailNotifications(actor: Actor, email: boolean, meta: RequestMeta) {
  assertCan(actor, "account:manage");
  await writeEmailPreference(actor.userId, email);
  await recordAudit({
    action: "notifications.email_preference",
    actorId: actor.userId,
    targetType: "user",
    targetId: actor.userId,
    metadata: { email },
    ...meta,
  });
  return { email };
}

/**
 * The unsubscribe link, signed in or not: turns email notices off for the token's user. Doing it
 * again changes nothing (and says so); a forged or altered token is refused and changes nothing.
 */
export async function unsubscribeByToken(token: string, meta: Partial<RequestMeta> = {}) {
  const userId = readUnsubscribeToken(token);
  const user = userId ? await db().user.findUnique({ where: { id: userId }, select: { id: true } }) : null;
  if (!user)
    throw new AppError(
      "invalid_token",
      "This unsubscribe link is not valid. Open the latest email's link, or turn emails off on your account page.",
    );
  const before = await db().notificationPreference.findUnique({ where: { userId: user.id } });
  if (before && !before.email) return { alreadyOff: true };
  await writeEmailPreference(user.id, false);
  await recordAudit({
    action: "notifications.unsubscribed",
    actorId: user.id,
    targetType: "user",
    targetId: user.id,
    metadata: { via: "email link" },
    ip: meta.ip,
    requestId: meta.requestId,
  });
  return { alreadyOff: false };
}
