import "server-only";
import { assertCan, type Actor } from "@/lib/auth";
import { db } from "@/lib/db";

/** The actor's notices, newest first. */
export async function listNotifications(actor: Actor, take = 50) {
  assertCan(actor, "driver:use");
  return db().notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true },
  });
}

export async function countUnreadNotifications(actor: Actor): Promise<number> {
  assertCan(actor, "driver:use");
  return db().notification.count({ where: { userId: actor.userId, readAt: null } });
}

/** Marks every unread notice of the actor read (their own only). */
export async function markNotificationsRead(actor: Actor) {
  assertCan(actor, "driver:use");
  const { count } = await db().notification.updateMany({
    where: { userId: actor.userId, readAt: null },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
