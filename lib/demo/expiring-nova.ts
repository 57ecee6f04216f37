import type { Db } from "@/lib/db/client";
// the seed's own posting (no server-only import), so the seed can run outside Next
// eslint-disable-next-line no-restricted-imports
import { postSeedGrantInTx } from "@/lib/ledger/seed-grant";

const DAY = 86_400_000;

/**
 * The lapsed demo driver's 120 Nova, earned 12 months less 10 days before the first seed: with the
 * default NOVA_EXPIRY_MONTHS the wallet says they expire in about 10 days and the daily job emails
 * the reminder. One balanced posting through lib/ledger (platform issuance → the driver, hash
 * chains extended), claimed by its idempotency key so a second seed changes nothing;
 * `npm run ledger:check` stays clean.
 */
export async function seedExpiringNova(db: Db, driverId: string, amount = 120n): Promise<void> {
  const at = new Date(Date.now() - 365 * DAY + 10 * DAY);
  await db.$transaction((tx) =>
    postSeedGrantInTx(tx, {
      idempotencyKey: `demo:expiring-nova:${driverId}`,
      driverId,
      amount,
      reason: "Welcome bonus",
      at,
    }),
  );
}
