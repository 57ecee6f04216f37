import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Spends `amount` of a capped counter inside the caller's transaction. Returns false when the
 * cap would be exceeded. One conditional statement decides, so concurrent spenders never
 * overshoot the cap.
 */
export async function spendUsage(tx: Tx, key: string, amount: bigint, cap: bigint): Promise<boolean> {
  if (amount > cap) return false;
  const rows = await tx.$queryRaw<{ used: bigint }[]>`
    INSERT INTO "UsageCounter" ("key", "used", "updatedAt") VALUES (${key}, ${amount}, now())
    ON CONFLICT ("key") DO UPDATE SET "used" = "UsageCounter"."used" + EXCLUDED."used", "updatedAt" = now()
      WHERE "UsageCounter"."used" + EXCLUDED."used" <= ${cap}
    RETURNING "used"`;
  return rows.length === 1;
}

/** Gives back what a cancelled use took (a released redemption frees its slot). */
export async function refundUsage(tx: Tx, key: string, amount: bigint): Promise<void> {
  await tx.$executeRaw`UPDATE "UsageCounter" SET "used" = GREATEST("used" - ${amount}, 0), "updatedAt" = now() WHERE "key" = ${key}`;
}
