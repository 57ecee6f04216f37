import "server-only";
import { recordAudit } from "@/lib/audit";
import { db, Prisma, type Tx } from "@/lib/db";
import { createId } from "@/lib/ledger";
import type { Finding } from "./finding";

/** Locks the driver's row for update: every flag write goes through it, and money checks share-lock it. */
export async function lockDriver(tx: Tx, driverId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "User" WHERE "id" = ${driverId} FOR UPDATE`;
  return rows.length === 1;
}

/**
 * Opens a flag for each new finding. The database decides what is new: one open flag per rule
 * and driver, and never the same evidence twice (a decided finding is not raised again).
 */
export async function raiseFlags(driverId: string, findings: Finding[], actorId: string | null = null) {
  if (findings.length === 0) return [];
  return db().$transaction(async (tx) => {
    if (!(await lockDriver(tx, driverId))) return [];
    const raised: { id: string; rule: string }[] = [];
    for (const f of findings) {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "RiskFlag" ("id", "driverId", "rule", "evidence", "fingerprint", "summary")
        VALUES (${createId()}, ${driverId}, ${f.rule}, ${JSON.stringify(f.evidence)}::jsonb, ${f.fingerprint}, ${f.summary})
        ON CONFLICT DO NOTHING RETURNING "id"`;
      if (!rows[0]) continue;
      raised.push({ id: rows[0].id, rule: f.rule });
      await recordAudit(
        {
          action: "risk.flag_raised",
          actorId,
          targetType: "user",
          targetId: driverId,
          metadata: { flagId: rows[0].id, rule: f.rule, summary: f.summary } as Prisma.InputJsonObject,
        },
        tx,
      );
    }
    return raised;
  });
}
