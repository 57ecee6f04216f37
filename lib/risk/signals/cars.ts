import "server-only";
import { db } from "@/lib/db";
import { fingerprintOf } from "../finding";
import { daysBefore, type Detector } from "./context";

/**
 * A car is one row per provider id and moves with its owner, so its history is in the audit
 * log: each `vehicle.connected` row names the cars (provider:id) it linked.
 */
export const carSwitch: Detector = async ({ driver, now }, t) => {
  const since = daysBefore(now, t.windowDays);
  const rows = await db().$queryRaw<
    { car: string; id: string; email: string | null; phone: string | null; status: string; at: Date }[]
  >`
    WITH mine AS (
      SELECT DISTINCT jsonb_array_elements_text(a."metadata"->'cars') AS car FROM "AuditLog" a
      WHERE a."actorId" = ${driver.id} AND a."action" = 'vehicle.connected' AND a."createdAt" >= ${since}
    )
    SELECT c.car, u."id", u."email", u."phone", u."status"::text AS "status", max(a."createdAt") AS "at"
    FROM "AuditLog" a CROSS JOIN LATERAL jsonb_array_elements_text(a."metadata"->'cars') AS c(car)
    JOIN mine ON mine.car = c.car JOIN "User" u ON u."id" = a."actorId"
    WHERE a."action" = 'vehicle.connected' AND a."createdAt" >= ${since}
    GROUP BY c.car, u."id" ORDER BY c.car, max(a."createdAt")`;
  const others = rows.filter((r) => r.id !== driver.id);
  if (others.length === 0) return null;
  const car = others[0].car;
  const sameCar = rows.filter((r) => r.car === car);
  return {
    rule: "car_switch",
    summary: `One car was connected to ${sameCar.length} driver accounts in ${t.windowDays} days.`,
    fingerprint: fingerprintOf(car, ...sameCar.map((r) => r.id).sort()),
    evidence: {
      facts: [`Car: ${car}`],
      accounts: sameCar
        .filter((r) => r.id !== driver.id)
        .map((r) => ({ id: r.id, email: r.email, phone: r.phone, status: r.status, note: "connected the same car" })),
      timeline: sameCar.map((r) => ({
        at: r.at.toISOString(),
        what: `${r.id === driver.id ? "This driver" : (r.email ?? r.id)} connected the car`,
      })),
    },
  };
};
