import "server-only";
import type { Db, Tx } from "@/lib/db";

/**
 * When the driver last did something that keeps their Nova alive, as of `now`: a verified charging
 * session or a confirmed redemption (read only; those rows belong to charging and merchants).
 */
export async function lastDriverActivity(client: Db | Tx, driverId: string, now: Date): Promise<Date | null> {
  const [row] = await client.$queryRaw<{ at: Date | null }[]>`
    SELECT GREATEST(
      (SELECT max("verifiedAt") FROM "ChargingSession"
        WHERE "driverId" = ${driverId} AND "status" = 'VERIFIED' AND "verifiedAt" <= ${now}),
      (SELECT max("settledAt") FROM "RedemptionCode"
        WHERE "driverId" = ${driverId} AND "status" = 'CONFIRMED' AND "settledAt" <= ${now})
    ) AS at`;
  return row?.at ?? null;
}
