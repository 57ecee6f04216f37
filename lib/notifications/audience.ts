import "server-only";
import { db, type Prisma } from "@/lib/db";
import { unsafeEmailNotices } from "./deliver-email";
import type { NewNotification } from "./notify";

const BATCH = 500;

export type Told = { told: number; emailed: number; failed: number };

/**
 * Tells every active driver matching `where` one notice, in batches by id: the in-app notice for
 * each (a duplicate is skipped, so a rerun tells nobody twice), then the email to those who want it.
 */
export async function unsafeTellDrivers(n: NewNotification, where: Prisma.UserWhereInput): Promise<Told> {
  const totals: Told = { told: 0, emailed: 0, failed: 0 };
  let after = "";
  for (;;) {
    const batch = await db().user.findMany({
      where: { ...where, role: "DRIVER", status: "ACTIVE", id: { gt: after } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (batch.length === 0) break;
    const ids = batch.map((u) => u.id);
    const written = await db().notification.createMany({
      data: ids.map((userId) => ({ userId, ...n, link: n.link ?? null })),
      skipDuplicates: true,
    });
    totals.told += written.count;
    const mail = await unsafeEmailNotices(n.kind, n.subjectId, ids);
    totals.emailed += mail.sent;
    totals.failed += mail.failed;
    if (batch.length < BATCH) break;
    after = ids[ids.length - 1];
  }
  return totals;
}
