import "server-only";
import type { Tx } from "@/lib/db";
import { createId } from "@/lib/ledger";

export type NotificationKind = "campaign" | "energy_event" | "event_result";
export type NewNotification = { kind: NotificationKind; subjectId: string; title: string; body: string; link?: string };

/**
 * Tells one user something in the app, in the caller's transaction: at most once per (user, kind,
 * subject), so a retried settlement or announcement tells nobody twice. True when written now.
 */
export async function notifyInTx(tx: Tx, userId: string, n: NewNotification): Promise<boolean> {
  const rows = await tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "subjectId", "title", "body", "link")
    VALUES (${createId()}, ${userId}, ${n.kind}, ${n.subjectId}, ${n.title}, ${n.body}, ${n.link ?? null})
    ON CONFLICT ("userId", "kind", "subjectId") DO NOTHING`;
  return rows === 1;
}
