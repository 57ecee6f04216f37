import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { distanceMeters } from "@/lib/geo";
import type { LockedOrder } from "./order-lock";
import { inMatchWindow, LIVE_REWARD, NEARBY_CHARGER_METERS, windowBounds } from "./rules";

export type Candidate = { driverId: string; sessionId: string; phone: string | null; phoneVerified: boolean };

// ~0.0045° of latitude is 500 m; the box is a coarse SQL filter, the exact distance is checked below.
const DEGREES_PER_METER = 1 / 111_000;

/**
 * The drivers whose verified or in-progress charging session overlaps the sale, at the merchant's
 * charger or at a charger within NEARBY_CHARGER_METERS of the order's location. One per driver
 * (their session closest to the sale), active accounts only.
 */
export async function findCandidates(tx: Tx, order: LockedOrder, now: Date): Promise<Candidate[]> {
  const env = config();
  const times = { beforeMinutes: env.PURCHASE_MATCH_BEFORE_MINUTES, afterMinutes: env.PURCHASE_MATCH_AFTER_MINUTES };
  const [merchant, location] = await Promise.all([
    tx.merchant.findUnique({ where: { id: order.merchantId }, select: { chargerId: true } }),
    order.locationId
      ? tx.merchantLocation.findUnique({ where: { id: order.locationId }, select: { latitude: true, longitude: true } })
      : null,
  ]);
  const place =
    location?.latitude != null && location.longitude != null
      ? { latitude: location.latitude, longitude: location.longitude }
      : null;
  const near = place ? box(place.latitude, place.longitude) : null;
  if (!merchant?.chargerId && !near) return [];

  const { startedBy, endedNotBefore } = windowBounds(order.orderedAt, times);
  const sessions = await tx.chargingSession.findMany({
    where: {
      status: { in: ["VERIFIED", "ACTIVE", "PENDING_WITNESS"] },
      startedAt: { lte: startedBy },
      OR: [{ endedAt: null }, { endedAt: { gte: endedNotBefore } }],
      driver: { status: "ACTIVE" },
      charger: {
        OR: [
          ...(merchant?.chargerId ? [{ id: merchant.chargerId }] : []),
          ...(near ? [{ latitude: near.latitude, longitude: near.longitude }] : []),
        ],
      },
    },
    select: {
      id: true,
      driverId: true,
      startedAt: true,
      endedAt: true,
      charger: { select: { id: true, latitude: true, longitude: true } },
      driver: { select: { phone: true, phoneVerified: true } },
    },
    orderBy: { startedAt: "desc" },
    take: 50,
  });

  // a visit that already earned a purchase reward earns no second one (the partial unique index holds it)
  const rewarded = new Set(
    (
      await tx.purchaseReward.findMany({
        where: { sessionId: { in: sessions.map((s) => s.id) }, status: { in: [...LIVE_REWARD] } },
        select: { sessionId: true },
      })
    ).map((r) => r.sessionId),
  );
  const byDriver = new Map<string, Candidate>();
  for (const s of sessions) {
    if (byDriver.has(s.driverId) || rewarded.has(s.id) || !inMatchWindow(s, order.orderedAt, now, times)) continue;
    const atMerchant = s.charger.id === merchant?.chargerId;
    if (!atMerchant && !(place && distanceMeters(s.charger, place) <= NEARBY_CHARGER_METERS)) continue;
    byDriver.set(s.driverId, {
      driverId: s.driverId,
      sessionId: s.id,
      phone: s.driver.phone,
      phoneVerified: s.driver.phoneVerified !== null,
    });
  }
  return [...byDriver.values()];
}

function box(latitude: number, longitude: number) {
  const dLat = NEARBY_CHARGER_METERS * DEGREES_PER_METER * 1.1;
  const dLng = dLat / Math.max(0.01, Math.cos((latitude * Math.PI) / 180));
  return {
    latitude: { gte: latitude - dLat, lte: latitude + dLat },
    longitude: { gte: longitude - dLng, lte: longitude + dLng },
  };
}
