import "server-only";
import { db } from "@/lib/db";
import { evaluateDriverRiskQuietly } from "./evaluate";

/**
 * Job (every 5 minutes): evaluates every driver who did something in the last 15 minutes (signed
 * in, connected a car, charged, took a code, filed a claim). The overlap is harmless: a finding is
 * raised once. Cash-outs do not wait for it: they evaluate the driver themselves first.
 */
export async function unsafeSweepRisk(now = new Date(), minutes = 15): Promise<{ evaluated: number; raised: number }> {
  const since = new Date(now.getTime() - minutes * 60_000);
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT DISTINCT u."id" FROM "User" u WHERE u."role" = 'DRIVER' AND u."status" = 'ACTIVE' AND u."id" IN (
      SELECT "actorId" FROM "AuditLog" WHERE "createdAt" >= ${since} AND "actorId" IS NOT NULL
        AND "action" IN ('auth.sign_in', 'vehicle.connected')
      UNION SELECT "driverId" FROM "ChargingSession" WHERE "startedAt" >= ${since} OR "verifiedAt" >= ${since}
      UNION SELECT "driverId" FROM "RedemptionCode" WHERE "createdAt" >= ${since}
      UNION SELECT "driverId" FROM "RewardClaim" WHERE "createdAt" >= ${since})
    LIMIT 500`;
  let raised = 0;
  for (const { id } of rows) raised += (await evaluateDriverRiskQuietly(id)).length;
  return { evaluated: rows.length, raised };
}
