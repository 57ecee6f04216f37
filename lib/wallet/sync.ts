import "server-only";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/observability";
import { unsafeSyncGooglePass } from "./google";

const BATCH = 200;

type Change = { driverId: string; changedAt: Date };

/**
 * Drains the balance-change outbox: each driver's pass is marked changed (its `updatedAt` is the
 * PassKit `lastUpdated` tag), then its devices and its Google object are told. The outbox row is
 * deleted only if no posting moved it meanwhile, so a change during the sync gets another round.
 */
export async function unsafeSyncWalletPasses(): Promise<{ synced: number; left: number }> {
  const changes = await db().$queryRaw<Change[]>`
    SELECT "driverId", "changedAt" FROM "DriverBalanceChange" ORDER BY "changedAt" LIMIT ${BATCH}`;
  let synced = 0;
  for (const change of changes) {
    try {
      await syncOne(change);
      synced += 1;
    } catch (err) {
      logger.warn({ err, driverId: change.driverId }, "wallet pass sync failed; the next sweep tries again");
    }
  }
  return { synced, left: Math.max(0, changes.length - synced) };
}

async function syncOne({ driverId, changedAt }: Change): Promise<void> {
  const pass = await db()
    .walletPass.update({
      where: { userId: driverId },
      data: { updatedAt: new Date() },
      select: { serialNumber: true },
    })
    .catch(() => null); // no pass: nothing to tell
  if (pass) {
    // the Apple push and the Google patch join here (lib/wallet/apple-push, lib/wallet/google)
    await unsafeSyncGooglePass(driverId);
  }
  await db().$executeRaw`
    DELETE FROM "DriverBalanceChange" WHERE "driverId" = ${driverId} AND "changedAt" = ${changedAt}`;
}
