import type { createDb } from "../../lib/db/client";

type Db = ReturnType<typeof createDb>;

// A scripted abuser for the review-queue journey (tests/e2e/admin-risk.spec.ts): three driver
// accounts signing in from one public address, and the first one's phone jumping from Austin to
// Dallas in two minutes. Written as the product writes them (sign-in audit rows, a session's pings);
// the rules themselves raise the flags when the admin runs them.
export const FARM = ["farm.one@riskfarm.test", "farm.two@riskfarm.test", "farm.three@riskfarm.test"];
export const FARM_IP = "203.0.113.7";

export async function seedRiskScenario(db: Db) {
  const charger = await db.charger.findFirstOrThrow({ orderBy: { name: "asc" } });
  const now = Date.now();
  for (const [i, email] of FARM.entries()) {
    const user = await db.user.create({ data: { email, name: `Farm ${["One", "Two", "Three"][i]}`, role: "DRIVER" } });
    await db.auditLog.create({
      data: {
        action: "auth.sign_in",
        actorId: user.id,
        ip: FARM_IP,
        metadata: { method: "password" },
        createdAt: new Date(now - (i + 1) * 600_000),
      },
    });
    if (i > 0) continue;
    await db.chargingSession.create({
      data: {
        driverId: user.id,
        chargerId: charger.id,
        status: "UNVERIFIED",
        startedAt: new Date(now - 3_600_000),
        endedAt: new Date(now - 3_000_000),
        verificationReason: "Scripted abuser",
        pings: {
          create: [
            { latitude: 30.3029, longitude: -97.7062, accuracyMeters: 10, recordedAt: new Date(now - 3_500_000) },
            { latitude: 32.7767, longitude: -96.797, accuracyMeters: 10, recordedAt: new Date(now - 3_380_000) },
          ],
        },
      },
    });
  }
}
