import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { applePassAvailability } from "./credentials";

export type ApplePassStatus = {
  available: boolean;
  /** Why passes cannot be had here (a setting to fix), when they cannot. */
  reason?: string;
  /** Devices that registered the driver's pass for updates (0: not added yet, or removed). */
  devices: number;
  /** When the pass content last changed; null before the driver has a pass. */
  updatedAt: Date | null;
};

/** What the driver's pass page shows about Apple Wallet. */
export async function getApplePassStatus(actor: Actor): Promise<ApplePassStatus> {
  assertCan(actor, "driver:use");
  const availability = applePassAvailability();
  const pass = await db().walletPass.findUnique({
    where: { userId: actor.userId },
    select: { updatedAt: true, _count: { select: { registrations: true } } },
  });
  return {
    available: availability.available,
    ...(availability.available ? {} : { reason: availability.reason }),
    devices: pass?._count.registrations ?? 0,
    updatedAt: pass?.updatedAt ?? null,
  };
}
