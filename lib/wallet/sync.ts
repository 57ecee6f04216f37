import "server-only";
import { db } from "@/lib/db/client";
import { flagRefusal, isEnabled } from "@/lib/flags";
import { logger } from "@/lib/observability";
import { unsafePushPassUpdate } from "./apns";
import { unsafeSyncGooglePass } from "./google";

const BATCH = 200;

type Change = { driverId: string; changedAt: Date };

/**
 * Drains the balance-change outbox: each driver's pass is marked changed (its `updatedAt` is the
 * PassKit `lastUpdated` tag), then its devices and its Google object are told. The outbox row is
 * deleted only if no posting moved it meanwhile, so a change during the sync gets another round.
 */
export async function unsafeSyncWalletPasses(): Promise<{ synced: number; left: number; paused?: true }> {
  // paused: the outbox keeps every change, sent when the switch is back on
  if (!(await isEnabled("WALLET_SYNC_ENABLED"))) {
    logger.info(flagRefusal("WALLET_SYNC_ENABLED").message);
    return { synced: 0, left: await db().driverBalanceChange.count(), paused: true };
  }
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
  const previous = await db().walletPass.findUnique({ where: { userId: driverId }, select: { updatedAt: true } });
  const pass = await db()
    .walletPass.update({
      where: { userId: driverId },
      data: { updatedAt: nextChangeTime(previous?.updatedAt) },
      select: { serialNumber: true },
    })
    .catch(() => null); // no pass: nothing to tell
  if (pass) {
    // each throws when its wallet could not be told yet: the outbox row stays for the next sweep
    await unsafePushPassUpdate(pass.serialNumber);
    await unsafeSyncGooglePass(driverId);
  }
  await db().$executeRaw`
    DELETE FROM "DriverBalanceChange" WHERE "driverId" = ${driverId} AND "changedAt" = ${changedAt}`;
}

/**
 * Now, but at least the next whole second after the last change: Last-Modified and If-Modified-Since
 * have whole seconds, so two versions within one second would earn a device holding the first a 304.
 */
function nextChangeTime(previous: Date | undefined): Date {
  const nextSecond = previous ? Math.floor(previous.getTime() / 1000) * 1000 + 1000 : 0;
  return new Date(Math.max(Date.now(), nextSecond));
}
