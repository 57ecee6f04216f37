import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { sendEmail } from "@/lib/email";
import { logger } from "@/lib/observability";
import { noticeEmail } from "./email";

/**
 * Emails the notices of one subject to those of the given users who turned email on and have an
 * address. Each notice is claimed first (emailedAt set only where still empty), so a rerun or a
 * concurrent run never sends it twice; a failed send gives the claim back for the retry. Returns
 * how many were sent and failed.
 */
export async function unsafeEmailNotices(kind: string, subjectId: string, userIds: string[]) {
  const totals = { sent: 0, failed: 0 };
  if (userIds.length === 0) return totals;
  const due = await db().notification.findMany({
    where: {
      kind,
      subjectId,
      emailedAt: null,
      userId: { in: userIds },
      user: { email: { not: null }, status: "ACTIVE", notificationPrefs: { email: true } },
    },
    select: { id: true, userId: true, title: true, body: true, link: true, user: { select: { email: true } } },
  });
  const appUrl = config().NEXTAUTH_URL.replace(/\/+$/, "");
  for (const n of due) {
    const claimed = await db().notification.updateMany({
      where: { id: n.id, emailedAt: null },
      data: { emailedAt: new Date() },
    });
    if (claimed.count !== 1) continue;
    try {
      await sendEmail({ to: n.user.email!, ...noticeEmail(n, n.userId, appUrl) });
      totals.sent++;
    } catch (err) {
      await db().notification.update({ where: { id: n.id }, data: { emailedAt: null } });
      logger.error({ err, notificationId: n.id }, "notice email failed");
      totals.failed++;
    }
  }
  return totals;
}
