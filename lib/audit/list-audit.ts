import "server-only";
import { assertCan, type Actor } from "@/lib/auth";
import { db } from "@/lib/db";

/** Admin-only: the newest audit entries, optionally of one actor. */
export async function listAuditEntries(actor: Actor, { take = 50, actorId }: { take?: number; actorId?: string } = {}) {
  assertCan(actor, "admin:view");
  const rows = await db().auditLog.findMany({
    where: actorId ? { actorId } : undefined,
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      action: true,
      targetType: true,
      targetId: true,
      metadata: true,
      ip: true,
      createdAt: true,
      actor: { select: { email: true, phone: true } },
    },
  });
  return rows.map((r) => ({ ...r, id: r.id.toString(), actor: r.actor?.email ?? r.actor?.phone ?? null }));
}
