import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability";
import { unsafeExpireDriverNova } from "./expire-nova";
import { expiryCutoff } from "./lots";
import { unsafeSendExpiryReminder } from "./remind";

const BATCH = 200;

/**
 * The daily sweep: drivers with available Nova and a credit old enough to expire within the
 * reminder window, in batches by account id. Each driver's expiry and reminder decide for
 * themselves (locks, keys, counters), so a re-run or a second concurrent run changes nothing.
 */
export async function unsafeRunNovaExpiry(now = new Date()) {
  const { NOVA_EXPIRY_MONTHS: months, NOVA_EXPIRY_REMINDER_DAYS: days } = config();
  const totals = { drivers: 0, expired: 0, expiredNova: 0, reminded: 0, failed: 0 };
  if (months === 0) return totals;
  // a credit earned before this expires within the reminder window (activity only pushes later)
  const horizon = expiryCutoff(new Date(now.getTime() + (days + 1) * 86_400_000), months);
  let after = "";
  for (;;) {
    const batch = await db().$queryRaw<{ id: string; driverId: string }[]>`
      SELECT a."id", a."ownerId" AS "driverId" FROM "LedgerAccount" a
      WHERE a."ownerType" = 'DRIVER' AND a."kind" = 'AVAILABLE' AND a."currency" = 'NOVA'
        AND a."balance" > 0 AND a."id" > ${after}
        AND EXISTS (SELECT 1 FROM "LedgerEntry" e WHERE e."accountId" IN
              (SELECT b."id" FROM "LedgerAccount" b WHERE b."ownerType" = 'DRIVER' AND b."ownerId" = a."ownerId" AND b."currency" = 'NOVA')
            AND e."amount" > 0 AND e."createdAt" < ${horizon})
      ORDER BY a."id" LIMIT ${BATCH}`;
    for (const { driverId } of batch) {
      totals.drivers++;
      try {
        const outcome = await unsafeExpireDriverNova(driverId, now);
        if (outcome.status === "expired") {
          totals.expired++;
          totals.expiredNova += Number(outcome.amount);
        }
        if ((await unsafeSendExpiryReminder(driverId, now)) === "sent") totals.reminded++;
      } catch (err) {
        // one driver's failure (a mail server down) does not hold up the others; the job reports it
        totals.failed++;
        logger.error({ err, driverId }, "nova expiry failed for a driver");
      }
    }
    if (batch.length < BATCH) break;
    after = batch[batch.length - 1].id;
  }
  if (totals.failed > 0)
    throw new Error(`nova expiry: ${totals.failed} driver(s) failed; the retry redoes only what is left`);
  return totals;
}
