import "server-only";
import type { Tx } from "@/lib/db";

export const totalKey = (offerId: string) => `offer:${offerId}:total`;

/**
 * The counters redemption caps spend are only kept while a limit exists. Before a limit is
 * checked or set, bring them up to the codes already issued (held or confirmed), so a limit added
 * later counts what was redeemed before it.
 */
export async function syncRedeemedCounters(tx: Tx, offerId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO "UsageCounter" ("key", "used", "updatedAt")
    SELECT ${totalKey(offerId)}, count(*), now() FROM "RedemptionCode"
      WHERE "offerId" = ${offerId} AND "status" <> 'RELEASED'
    ON CONFLICT ("key") DO UPDATE SET "used" = GREATEST("UsageCounter"."used", EXCLUDED."used"), "updatedAt" = now()`;
  await tx.$executeRaw`
    INSERT INTO "UsageCounter" ("key", "used", "updatedAt")
    SELECT 'offer:' || ${offerId} || ':driver:' || "driverId", count(*), now() FROM "RedemptionCode"
      WHERE "offerId" = ${offerId} AND "status" <> 'RELEASED' GROUP BY "driverId"
    ON CONFLICT ("key") DO UPDATE SET "used" = GREATEST("UsageCounter"."used", EXCLUDED."used"), "updatedAt" = now()`;
}

/** Redeemed so far: in all, and by the driver who redeemed it most. */
export async function readRedeemed(tx: Tx, offerId: string): Promise<{ total: number; mostByOneDriver: number }> {
  const [row] = await tx.$queryRaw<{ total: bigint | null; most: bigint | null }[]>`
    SELECT (SELECT "used" FROM "UsageCounter" WHERE "key" = ${totalKey(offerId)}) AS total,
           (SELECT max("used") FROM "UsageCounter" WHERE "key" LIKE ${`offer:${offerId}:driver:%`}) AS most`;
  return { total: Number(row?.total ?? 0n), mostByOneDriver: Number(row?.most ?? 0n) };
}
