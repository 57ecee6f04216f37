import "server-only";
import { recordAudit } from "@/lib/audit";
import { config } from "@/lib/config";
import { isEnabled } from "@/lib/flags";
import type { Tx } from "@/lib/db";
import { isActiveRecipient, runMoneyTx } from "@/lib/ledger";
import { forfeitReward, makeRewardAvailable, postPendingReward } from "@/lib/rewards";
import { DEFAULT_POLICY, sessionEnergy, verifySession, type VerificationPolicy } from "./verify-session";

export function policyFromConfig(): VerificationPolicy {
  const env = config();
  const accept = env.VERIFY_ACCEPT.split(",")
    .map((s) => s.trim())
    .filter((s): s is VerificationPolicy["accept"][number] => ["car+phone", "car-only", "phone-only"].includes(s));
  return { ...DEFAULT_POLICY, minDwellSeconds: env.MIN_DWELL_SECONDS, accept };
}

export type Outcome = { status: string; reason: string };

/**
 * Ends (when asked) and judges a session with both witnesses, then moves its reward: pending
 * when it ends, available once verified, returned when it finally fails. The session row is
 * locked first, so concurrent verifies (job retry, webhook, double tap) act once. Given the
 * caller's transaction, it runs there, so what must follow the decision commits with it. Unscoped:
 * for jobs and for check-out after it has found the driver's own session.
 */
export async function unsafeEvaluateSession(
  sessionId: string,
  { end = false, final = false, confirmLater = false } = {},
  inTx?: Tx,
): Promise<Outcome> {
  const transaction = inTx ? <T>(fn: (tx: Tx) => Promise<T>) => fn(inTx) : runMoneyTx;
  return transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "ChargingSession" WHERE "id" = ${sessionId} FOR UPDATE`;
    const s = await tx.chargingSession.findUniqueOrThrow({
      where: { id: sessionId },
      select: {
        id: true,
        driverId: true,
        status: true,
        startedAt: true,
        endedAt: true,
        vehicleId: true,
        charger: { select: { name: true, latitude: true, longitude: true, radiusMeters: true, isPartner: true } },
        pings: { select: { latitude: true, longitude: true, accuracyMeters: true, recordedAt: true } },
      },
    });
    if (s.status === "VERIFIED" || s.status === "CANCELLED" || s.status === "UNVERIFIED")
      return { status: s.status, reason: "already decided" };
    const now = new Date();
    const endedAt = s.endedAt ?? (end ? now : null);
    const telemetry = s.vehicleId
      ? await tx.telemetrySnapshot.findMany({
          where: { vehicleId: s.vehicleId, capturedAt: { gte: s.startedAt, lte: endedAt ?? now } },
          orderBy: { capturedAt: "asc" },
        })
      : [];
    const verdict = verifySession(
      { charger: s.charger, startedAt: s.startedAt, endedAt, pings: s.pings, telemetry, now },
      policyFromConfig(),
    );
    if (!endedAt) {
      await tx.chargingSession.update({ where: { id: s.id }, data: { verificationReason: verdict.reason } });
      return { status: "ACTIVE", reason: verdict.reason };
    }
    // the car's energy counter runs from its own plug-in: its last reading at check-in is the baseline
    const baseline = s.vehicleId
      ? await tx.telemetrySnapshot.findFirst({
          where: { vehicleId: s.vehicleId, capturedAt: { lte: s.startedAt }, energyAddedKwh: { not: null } },
          orderBy: { capturedAt: "desc" },
        })
      : null;
    const energy = sessionEnergy(baseline ? [baseline, ...telemetry] : telemetry, { startedAt: s.startedAt, endedAt });
    // at check-out the reward waits for the job that reads the car's final report (confirmLater)
    const status =
      verdict.status === "PENDING_WITNESS" && final
        ? "UNVERIFIED"
        : verdict.status === "VERIFIED" && confirmLater
          ? "PENDING_WITNESS"
          : verdict.status;
    if (status !== verdict.status && status === "PENDING_WITNESS")
      verdict.reason = "Your car and phone agree; confirming with your car's final report.";
    await tx.chargingSession.update({
      where: { id: s.id },
      data: {
        status,
        endedAt,
        verificationReason: verdict.reason,
        verifiedAt: status === "VERIFIED" ? now : null,
        kwhDelivered: energy.kwhDelivered,
        batteryStart: telemetry.find((t) => t.batteryPercent !== null)?.batteryPercent ?? null,
        batteryEnd: [...telemetry].reverse().find((t) => t.batteryPercent !== null)?.batteryPercent ?? null,
      },
    });
    await settleReward(
      tx,
      { ...s, chargerName: s.charger.name, isPartner: s.charger.isPartner, ...energy },
      status,
      verdict.reason,
    );
    return { status, reason: verdict.reason };
  });
}

async function settleReward(tx: Tx, s: Parameters<typeof postPendingReward>[1], status: string, reason: string) {
  // a suspended account earns nothing: whatever is pending goes back, and the refusal is kept
  if (status !== "UNVERIFIED" && !(await isActiveRecipient(tx, s.driverId))) {
    await forfeitReward(tx, s, "Not paid: the account is suspended");
    await recordAudit(
      {
        action: "reward.refused",
        targetType: "charging_session",
        targetId: s.id,
        metadata: { reason: "account_suspended", driverId: s.driverId, status },
      },
      tx,
    );
    return;
  }
  if (status !== "UNVERIFIED" && !(await isEnabled("CHARGING_REWARDS_ENABLED", tx))) {
    await forfeitReward(tx, s, "Not paid: charging rewards were paused");
    await recordAudit(
      {
        action: "reward.refused",
        targetType: "charging_session",
        targetId: s.id,
        metadata: { reason: "charging_rewards_disabled", driverId: s.driverId, status },
      },
      tx,
    );
    return;
  }
  if (status === "UNVERIFIED") {
    await forfeitReward(tx, s, `Not verified: ${reason}`);
  } else {
    await postPendingReward(tx, s);
    if (status === "VERIFIED") {
      await makeRewardAvailable(tx, s);
      await recordAudit(
        { action: "charging.verified", actorId: s.driverId, targetType: "charging_session", targetId: s.id },
        tx,
      );
    }
  }
}
