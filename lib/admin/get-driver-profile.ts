import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { unsafeGetBalances, unsafeListStatement } from "@/lib/ledger";

/**
 * Admin-only: one driver with their cars, charging sessions, claims, statement, cash-outs and
 * sign-in history (audit rows of each sign-in, and the live sessions with their browser). An
 * id that is not a driver is not found.
 */
export async function getDriverProfile(actor: Actor, userId: string) {
  assertCan(actor, "admin:view");
  const driver = await db().user.findFirst({
    where: { id: userId, role: "DRIVER" },
    select: { id: true, email: true, phone: true, name: true, status: true, createdAt: true },
  });
  if (!driver) throw notFound("That driver");
  const [vehicles, sessions, claims, payouts, signIns, devices, statement, balances] = await Promise.all([
    db().vehicle.findMany({
      where: { userId },
      select: {
        id: true,
        make: true,
        model: true,
        year: true,
        provider: true,
        providerVehicleId: true,
        createdAt: true,
      },
    }),
    db().chargingSession.findMany({
      where: { driverId: userId },
      orderBy: { startedAt: "desc" },
      take: 20,
      select: {
        id: true,
        status: true,
        startedAt: true,
        kwhDelivered: true,
        verificationReason: true,
        charger: { select: { name: true } },
        _count: { select: { pings: true } },
      },
    }),
    db().rewardClaim.findMany({
      where: { driverId: userId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, status: true, note: true, createdAt: true },
    }),
    db().payout.findMany({
      where: { userId },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, amountCents: true, method: true, state: true, createdAt: true },
    }),
    db().auditLog.findMany({
      where: { actorId: userId, action: { in: ["auth.sign_in", "auth.sign_in_refused"] } },
      orderBy: { id: "desc" },
      take: 20,
      select: { id: true, action: true, ip: true, metadata: true, createdAt: true },
    }),
    db().session.findMany({
      where: { userId },
      orderBy: { lastSeenAt: "desc" },
      take: 10,
      select: { id: true, ip: true, userAgent: true, createdAt: true, lastSeenAt: true },
    }),
    unsafeListStatement("DRIVER", userId, 50),
    unsafeGetBalances("DRIVER", userId),
  ]);
  return { driver, vehicles, sessions, claims, payouts, signIns, devices, statement, balances };
}

export type DriverProfile = Awaited<ReturnType<typeof getDriverProfile>>;
