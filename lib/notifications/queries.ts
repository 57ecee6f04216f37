import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { noticeStandings } from "./notice-standing";

/**
 * The actor's notices, newest first, each with where its campaign or event stands now when its
 * promise no longer holds (`standing`: paused, ended, cancelled…; null while it does).
 */
export async function listNotifications(actor: Actor, take = 50, now = new Date()) {
  assertCan(actor, "driver:use");
  const notices = await db().notification.findMany({
    where: { userId: actor.userId },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      kind: true,
      subjectId: true,
      title: true,
      body: true,
      link: true,
      readAt: true,
      createdAt: true,
    },
  });
  const standings = await noticeStandings(notices, now);
  return notices.map(({ subjectId: _subject, ...n }) => ({ ...n, standing: standings.get(n.id) ?? null }));
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
