import "server-only";
import { db } from "@/lib/db";

/** Google shows at most 3 notices a pass in any 24 hours (more are dropped, or may get the pass throttled). */
export const NOTICES_PER_DAY = 3;

const slotKeys = (serialNumber: string) =>
  Array.from({ length: NOTICES_PER_DAY }, (_, i) => `google-wallet-notice:${serialNumber}:${i}`);

/** `previousUse` is the slot's former timestamp as PostgreSQL text (no time-zone round trip). */
export type NoticeSlot = { key: string; previousUse: string };

/**
 * Takes one of the pass's notice slots, free when last used more than 24 hours ago (a rolling
 * day, as Google counts). One conditional UPDATE on UsageCounter rows decides, so concurrent
 * syncs never take more than three; null when all three were used in the last 24 hours.
 */
export async function takeNoticeSlot(serialNumber: string): Promise<NoticeSlot | null> {
  const keys = slotKeys(serialNumber);
  await db().$executeRaw`
    INSERT INTO "UsageCounter" ("key", "used", "updatedAt")
    SELECT unnest(${keys}::text[]), 0, 'epoch'::timestamp
    ON CONFLICT ("key") DO NOTHING`;
  const rows = await db().$queryRaw<NoticeSlot[]>`
    WITH free AS (
      SELECT "key", "updatedAt" FROM "UsageCounter"
      WHERE "key" = ANY(${keys}::text[]) AND "updatedAt" <= now() - interval '24 hours'
      ORDER BY "updatedAt" LIMIT 1
      FOR UPDATE SKIP LOCKED)
    UPDATE "UsageCounter" AS u SET "used" = u."used" + 1, "updatedAt" = now()
    FROM free
    WHERE u."key" = free."key" AND u."updatedAt" <= now() - interval '24 hours'
    RETURNING u."key", free."updatedAt"::text AS "previousUse"`;
  return rows[0] ?? null;
}

/** Gives a slot back when the notice it was taken for never reached Google. */
export async function returnNoticeSlot(slot: NoticeSlot): Promise<void> {
  await db().$executeRaw`
    UPDATE "UsageCounter" SET "used" = GREATEST("used" - 1, 0), "updatedAt" = ${slot.previousUse}::timestamp
    WHERE "key" = ${slot.key}`;
}
