import "server-only";
import { db } from "@/lib/db";
import { MATCHED_STATUSES } from "./activity";
import type { ReportScope } from "./scope";

export type DriversReached = { total: number; new: number; returning: number };

/**
 * Drivers with a visit, a code or a matched purchase in the range; "returning" ones had any of
 * those with this merchant before the range started, the rest are new.
 */
export async function countDriversReached(s: ReportScope, driverIds: Set<string>): Promise<DriversReached> {
  const ids = [...driverIds];
  if (ids.length === 0) return { total: 0, new: 0, returning: 0 };
  const before = { lt: s.start };
  const [visits, codes, purchases] = await Promise.all([
    s.chargerIds.length
      ? db().chargingSession.findMany({
          where: {
            driverId: { in: ids },
            chargerId: { in: s.chargerIds },
            status: { not: "CANCELLED" },
            startedAt: before,
          },
          distinct: ["driverId"],
          select: { driverId: true },
        })
      : [],
    db().redemptionCode.findMany({
      where: { driverId: { in: ids }, offer: { merchantId: s.merchantId }, createdAt: before },
      distinct: ["driverId"],
      select: { driverId: true },
    }),
    db().purchaseReward.findMany({
      where: {
        merchantId: s.merchantId,
        driverId: { in: ids },
        status: { in: [...MATCHED_STATUSES] },
        order: { orderedAt: before, ...(s.location ? { locationId: s.location.id } : {}) },
      },
      distinct: ["driverId"],
      select: { driverId: true },
    }),
  ]);
  const returning = new Set([...visits, ...codes, ...purchases].map((r) => r.driverId!));
  return { total: ids.length, returning: returning.size, new: ids.length - returning.size };
}
