import "server-only";
import { db, type Tx } from "@/lib/db";
import { enqueueInTx, queueReady } from "@/lib/jobs";
import { createId } from "@/lib/ledger";
import { logger } from "@/lib/observability";
import { announceCampaign } from "./announce-campaign";
import { unsafeAnnounceEnergyEvent } from "./announce-event";

export type AnnouncementKind = "campaign" | "energy_event";

/**
 * In the transaction of the change that calls for it (a campaign going live, an event created):
 * asks for the announcement. The row commits with the change, and the announce job (woken now
 * when this process runs the queue, otherwise by its minute sweep) tells the drivers after the
 * commit, outside it. Asking again for the same subject changes nothing.
 */
export async function requestAnnouncementInTx(tx: Tx, kind: AnnouncementKind, subjectId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "Announcement" ("id", "kind", "subjectId") VALUES (${createId()}, ${kind}, ${subjectId})
    ON CONFLICT ("kind", "subjectId") DO NOTHING`;
  if (queueReady()) await enqueueInTx(tx, "announce", {}, { singletonKey: "announce" });
}

/**
 * The job: makes the announcements asked for, oldest first. Each is idempotent (a notice per driver
 * and subject, an email claim per notice), so a second concurrent run repeats nothing; one whose
 * emails partly failed stays open for the next run.
 */
export async function unsafeRunAnnouncements(now = new Date()) {
  const open = await db().announcement.findMany({
    where: { doneAt: null },
    orderBy: { requestedAt: "asc" },
    take: 20,
  });
  const totals = { announcements: 0, told: 0, emailed: 0, failed: 0 };
  for (const a of open) {
    const told =
      a.kind === "campaign"
        ? await announceCampaign(a.subjectId, now)
        : await unsafeAnnounceEnergyEvent(a.subjectId, now);
    totals.announcements++;
    totals.told += told.told;
    totals.emailed += told.emailed;
    totals.failed += told.failed;
    await db().announcement.update({
      where: { id: a.id },
      data: { told: { increment: told.told }, ...(told.failed === 0 ? { doneAt: new Date() } : {}) },
    });
    if (told.failed > 0)
      logger.warn({ announcement: a.id, failed: told.failed }, "announcement emails failed; retried next run");
  }
  return totals;
}
