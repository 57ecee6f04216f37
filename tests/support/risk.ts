import { testDb, uid } from "./factories";

// Scripted drivers for the abuse rules: the rows the product writes when people sign in, connect
// cars, charge and redeem, written directly so each scenario says exactly what happened when.

export const minutesAgo = (m: number, from = Date.now()) => new Date(from - m * 60_000);

export async function createCharger(lat = 30.3029, lng = -97.7062) {
  return testDb.charger.create({
    data: {
      externalId: `c-${uid()}`,
      name: `Risk Plaza ${uid()}`,
      address: "2 Test St",
      latitude: lat,
      longitude: lng,
      isPartner: true,
      radiusMeters: 150,
    },
  });
}

type PingSpec = { lat: number; lng: number; accuracy?: number; at: Date };

/** A charging session with its phone's pings. */
export async function createSession(
  driverId: string,
  opts: { chargerId: string; startedAt: Date; status?: "VERIFIED" | "UNVERIFIED"; pings?: PingSpec[] },
) {
  return testDb.chargingSession.create({
    data: {
      driverId,
      chargerId: opts.chargerId,
      status: opts.status ?? "UNVERIFIED",
      startedAt: opts.startedAt,
      endedAt: new Date(opts.startedAt.getTime() + 30 * 60_000),
      pings: {
        create: (opts.pings ?? []).map((p) => ({
          latitude: p.lat,
          longitude: p.lng,
          accuracyMeters: p.accuracy ?? 15,
          recordedAt: p.at,
        })),
      },
    },
  });
}

/** The audit row every sign-in writes (lib/auth completeSignIn), from an address at a time. */
export const signInFrom = (userId: string, ip: string, at = new Date()) =>
  testDb.auditLog.create({
    data: { action: "auth.sign_in", actorId: userId, ip, metadata: { method: "password" }, createdAt: at },
  });

/** The audit row a car connection writes (lib/vehicles completeVehicleConnect). */
export const connectedCar = (userId: string, car: string, at = new Date()) =>
  testDb.auditLog.create({
    data: {
      action: "vehicle.connected",
      actorId: userId,
      metadata: { provider: "SMARTCAR", vehicles: 1, cars: [car] },
      createdAt: at,
    },
  });

/** A redemption code as lib/merchants writes it (the hold transaction id only needs to be unique here). */
export async function takeCode(driverId: string, offerId: string, at: Date) {
  return testDb.redemptionCode.create({
    data: {
      code: `R${uid()}${uid()}`.slice(0, 12).toUpperCase(),
      offerId,
      driverId,
      novaAmount: 100,
      expiresAt: new Date(at.getTime() + 15 * 60_000),
      holdTxId: `hold-${uid()}-${uid()}`,
      createdAt: at,
    },
  });
}

/** Backdates an account (an established driver). */
export const ageAccount = (userId: string, days: number) =>
  testDb.user.update({ where: { id: userId }, data: { createdAt: new Date(Date.now() - days * 86_400_000) } });
