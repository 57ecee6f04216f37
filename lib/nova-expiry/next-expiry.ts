import "server-only";
import { assertAccountAccess, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { driverNovaFlows } from "@/lib/ledger";
import { lastDriverActivity } from "./last-activity";
import { nextExpiry, type NovaExpiry } from "./lots";

/** Unscoped (jobs, tests): when the driver's next Nova expire and how many, if nothing is spent first. */
export async function unsafeNextNovaExpiry(driverId: string, now = new Date()): Promise<NovaExpiry | null> {
  const months = config().NOVA_EXPIRY_MONTHS;
  if (months === 0) return null;
  const [flows, activity] = await Promise.all([
    driverNovaFlows(db(), driverId),
    lastDriverActivity(db(), driverId, now),
  ]);
  return nextExpiry(flows, activity, months, now);
}

/** The signed-in driver's own next expiry, as plain values for the wallet. */
export async function getNovaExpiry(
  actor: Actor,
  now = new Date(),
): Promise<{ expiresOn: Date; amount: number } | null> {
  await assertAccountAccess(actor, { ownerType: "DRIVER", ownerId: actor.userId });
  const next = await unsafeNextNovaExpiry(actor.userId, now);
  return next ? { expiresOn: next.expiresOn, amount: Number(next.amount) } : null;
}
