import "server-only";
import { Prisma, queryRows } from "@/lib/db";
import { flagSql, flagValue } from "@/lib/flags";

/**
 * What a grant checks before its transaction, in one round trip: the grants kill switch (read
 * fresh, never cached: turned off, it refuses the very next grant) and whether the driver exists.
 */
export async function readGrantGate(driverId: string): Promise<{ enabled: boolean; driverExists: boolean }> {
  const [row] = await queryRows<{ flag: boolean | null; driverExists: boolean }>(Prisma.sql`
    SELECT ${flagSql("NOVA_GRANTS_ENABLED")} AS "flag",
           EXISTS (SELECT 1 FROM "User" WHERE "id" = ${driverId}) AS "driverExists"`);
  return { enabled: flagValue("NOVA_GRANTS_ENABLED", row.flag), driverExists: row.driverExists };
}
