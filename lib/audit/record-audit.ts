import "server-only";
import { db, Prisma, type Tx } from "@/lib/db";
import { logger } from "@/lib/observability";

export type AuditEntry = {
  action: string;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  metadata?: Record<string, unknown>;
  ip?: string | null;
  requestId?: string | null;
};

type Client = Pick<Tx, "auditLog">;

/** Appends to the audit log; pass the transaction client when the audited change is transactional. */
export async function recordAudit(entry: AuditEntry, client: Client = db()): Promise<void> {
  await client.auditLog.create({
    data: {
      action: entry.action,
      actorId: entry.actorId ?? null,
      targetType: entry.targetType,
      targetId: entry.targetId,
      metadata: (entry.metadata ?? undefined) as Prisma.InputJsonValue | undefined,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
    },
  });
  logAudit(entry);
}

/** The log line of an audit row, for a row another writer inserted (the ledger's posting function). */
export function logAudit(entry: AuditEntry): void {
  logger.info(
    { audit: entry.action, actorId: entry.actorId, targetId: entry.targetId, requestId: entry.requestId },
    "audit",
  );
}
