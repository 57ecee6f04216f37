import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { assertEnabled } from "@/lib/flags";
import { accounts, assertActiveRecipient, postInTx, runMoneyTx } from "@/lib/ledger";
import { makeRewardAvailable, postPendingReward } from "@/lib/rewards";

export const claimInput = z.object({
  sessionId: z.string().min(1).max(64),
  note: z.string().trim().min(10, "Tell us what happened (a sentence or two).").max(1000),
});
export const decideInput = z.object({
  claimId: z.string().min(1).max(64),
  approve: z.enum(["true", "false"]).transform((v) => v === "true"),
  note: z.string().trim().min(3, "Give a reason.").max(500),
});

/** A driver asks for points a session did not earn; one claim per session (unique). */
export async function fileClaim(actor: Actor, input: z.infer<typeof claimInput>, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  const driverId = actor.userId;
  const session = await db().chargingSession.findFirst({
    where: { id: input.sessionId, driverId },
    select: { id: true, status: true },
  });
  if (!session) throw notFound("That session");
  if (session.status !== "UNVERIFIED" && session.status !== "PENDING_WITNESS") {
    throw new AppError("not_claimable", "Only sessions that did not verify can be claimed.");
  }
  const claim = await db()
    .rewardClaim.create({ data: { sessionId: session.id, driverId, note: input.note } })
    .catch((err: { code?: string }) => {
      if (err.code === "P2002") throw new AppError("claim_exists", "You have already filed a claim for this session.");
      throw err;
    });
  await recordAudit({
    action: "claim.filed",
    actorId: driverId,
    targetType: "reward_claim",
    targetId: claim.id,
    ...meta,
  });
  return claim;
}

// what the claims list and the evidence page both show of the driver and the session
const driverContact = { select: { email: true, phone: true, name: true } } as const;
const sessionSummary = { id: true, status: true, startedAt: true, endedAt: true, verificationReason: true } as const;

/** Admin-only: claims waiting for a decision, oldest first. */
export async function listOpenClaims(actor: Actor) {
  assertCan(actor, "admin:manage-claims");
  return db().rewardClaim.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      note: true,
      createdAt: true,
      driver: driverContact,
      session: { select: { ...sessionSummary, charger: { select: { name: true } } } },
    },
  });
}

/** Admin-only: the evidence side by side, the car's readings and the phone's pings, with the charger. */
export async function getClaimEvidence(actor: Actor, claimId: string) {
  assertCan(actor, "admin:manage-claims");
  const claim = await db().rewardClaim.findUnique({
    where: { id: claimId },
    select: {
      id: true,
      note: true,
      status: true,
      decisionNote: true,
      createdAt: true,
      driver: driverContact,
      session: {
        select: {
          ...sessionSummary,
          vehicleId: true,
          kwhDelivered: true,
          charger: { select: { name: true, address: true, latitude: true, longitude: true, radiusMeters: true } },
          pings: {
            orderBy: { recordedAt: "asc" },
            select: { latitude: true, longitude: true, accuracyMeters: true, recordedAt: true },
          },
        },
      },
    },
  });
  if (!claim) return null;
  const { session } = claim;
  const telemetry = session.vehicleId
    ? await db().telemetrySnapshot.findMany({
        where: {
          vehicleId: session.vehicleId,
          capturedAt: { gte: session.startedAt, lte: session.endedAt ?? new Date() },
        },
        orderBy: { capturedAt: "asc" },
      })
    : [];
  return { ...claim, telemetry };
}

/**
 * Approve pays the reward (once); reject closes the claim with the reason the driver will read.
 * Nobody decides a claim on their own session, and a suspended driver is not paid.
 */
export async function decideClaim(actor: Actor, input: z.infer<typeof decideInput>, meta: RequestMeta) {
  assertCan(actor, "admin:manage-claims");
  const adminId = actor.userId;
  const refusal = {
    action: "claim.refused",
    actorId: adminId,
    targetType: "reward_claim",
    targetId: input.claimId,
    metadata: { approve: input.approve, note: input.note },
    ...meta,
  };
  return auditRefusals(refusal, () => runMoneyTx((tx) => decideInTx(tx, adminId, input, meta)));
}

async function decideInTx(tx: Tx, adminId: string, input: z.infer<typeof decideInput>, meta: RequestMeta) {
  const owner = await tx.rewardClaim.findUnique({ where: { id: input.claimId }, select: { driverId: true } });
  if (!owner) throw notFound("That claim");
  if (owner.driverId === adminId)
    throw new AppError(
      "self_dealing",
      "You cannot decide a claim on your own charging session. Another admin must review it.",
    );
  const { count } = await tx.rewardClaim.updateMany({
    where: { id: input.claimId, status: "OPEN" },
    data: {
      status: input.approve ? "APPROVED" : "REJECTED",
      decidedById: adminId,
      decisionNote: input.note,
      decidedAt: new Date(),
    },
  });
  if (count === 0) throw new AppError("claim_closed", "This claim was already decided.");
  const claim = await tx.rewardClaim.findUniqueOrThrow({
    where: { id: input.claimId },
    select: {
      session: {
        select: {
          id: true,
          driverId: true,
          kwhDelivered: true,
          batteryStart: true,
          batteryEnd: true,
          charger: { select: { name: true, isPartner: true } },
        },
      },
    },
  });
  const s = claim.session;
  if (input.approve) {
    await assertEnabled("CHARGING_REWARDS_ENABLED", tx);
    await assertActiveRecipient(tx, s.driverId);
    await tx.chargingSession.update({
      where: { id: s.id },
      data: { status: "VERIFIED", verifiedAt: new Date(), verificationReason: `Approved on review: ${input.note}` },
    });
    const forfeited = await tx.ledgerTransaction.findUnique({
      where: { idempotencyKey: `session:${s.id}:forfeit` },
      select: { id: true },
    });
    const target = {
      id: s.id,
      driverId: s.driverId,
      chargerName: s.charger.name,
      isPartner: s.charger.isPartner,
      kwhDelivered: s.kwhDelivered,
      batteryGained:
        s.batteryStart !== null && s.batteryEnd !== null ? Math.max(0, s.batteryEnd - s.batteryStart) : null,
    };
    if (forfeited) await payAfterForfeit(tx, s.id, s.driverId, s.charger.name);
    else {
      await postPendingReward(tx, target);
      await makeRewardAvailable(tx, target);
    }
  }
  await recordAudit(
    {
      action: input.approve ? "claim.approved" : "claim.rejected",
      actorId: adminId,
      targetType: "reward_claim",
      targetId: input.claimId,
      metadata: { note: input.note },
      ...meta,
    },
    tx,
  );
  return { approved: input.approve };
}

/** The forfeited pending amounts, paid straight to available under the claim's own key. */
async function payAfterForfeit(
  tx: Parameters<typeof postPendingReward>[0],
  sessionId: string,
  driverId: string,
  chargerName: string,
) {
  const pending = await tx.ledgerTransaction.findUniqueOrThrow({
    where: { idempotencyKey: `session:${sessionId}:pending` },
    select: { entries: { select: { amount: true, account: { select: { ownerType: true, currency: true } } } } },
  });
  const lines = pending.entries
    .filter((e) => e.account.ownerType === "DRIVER")
    .flatMap((e) =>
      e.account.currency === "NOVA"
        ? [
            { account: accounts.novaIssuance(), amount: -e.amount },
            { account: accounts.driverNova(driverId), amount: e.amount },
          ]
        : [
            { account: accounts.rewardsExpenseUsd(), amount: -e.amount },
            { account: accounts.driverUsd(driverId), amount: e.amount },
          ],
    );
  await postInTx(tx, {
    idempotencyKey: `session:${sessionId}:claim`,
    type: "SESSION_REWARD",
    reason: `Charging at ${chargerName}, approved on review`,
    request: { sessionId, driverId },
    metadata: { sessionId },
    lines,
  });
}
