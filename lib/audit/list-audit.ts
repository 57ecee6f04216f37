import "server-only";
import { db } from "@/lib/db";

export async function listAuditEntries({ take = 50, actorId }: { take?: number; actorId?: string } = {}) {
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
