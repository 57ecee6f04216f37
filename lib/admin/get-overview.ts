import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

export type AdminOverview = {
  drivers: number;
  merchants: { active: number; pending: number; suspended: number };
  chargers: number;
  liveOffers: number;
  recentAudit: { id: string; action: string; actor: string | null; targetType: string | null; createdAt: Date }[];
  recentMerchants: { id: string; name: string; status: string; category: string; createdAt: Date }[];
};

/** Admin-only: program totals, the newest merchants and the latest audit entries. */
export async function getAdminOverview(actor: Actor): Promise<AdminOverview> {
  assertCan(actor, "admin:view");
  const client = db();
  const [drivers, byStatus, chargers, liveOffers, audit, recentMerchants] = await Promise.all([
    client.user.count({ where: { role: "DRIVER" } }),
    client.merchant.groupBy({ by: ["status"], _count: { _all: true } }),
    client.charger.count(),
    client.offer.count({ where: { active: true, merchant: { status: "ACTIVE" } } }),
    client.auditLog.findMany({
      orderBy: { createdAt: "desc" },
      take: 10,
      select: { id: true, action: true, targetType: true, createdAt: true, actor: { select: { email: true } } },
    }),
    client.merchant.findMany({
      orderBy: { createdAt: "desc" },
      take: 8,
      select: { id: true, name: true, status: true, category: true, createdAt: true },
    }),
  ]);
  const count = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
  return {
    drivers,
    merchants: { active: count("ACTIVE"), pending: count("PENDING"), suspended: count("SUSPENDED") },
    chargers,
    liveOffers,
    recentAudit: audit.map((a) => ({
      id: a.id.toString(),
      action: a.action,
      actor: a.actor?.email ?? null,
      targetType: a.targetType,
      createdAt: a.createdAt,
    })),
    recentMerchants,
  };
}
