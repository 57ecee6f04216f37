import "server-only";
import { recordAudit } from "@/lib/audit";
import { assertCan, type Actor } from "@/lib/access";
import type { Tx } from "@/lib/db";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { accounts, ledgerMetrics, postInTx, refundUsage, runMoneyTx } from "@/lib/ledger";
import { createId } from "@/lib/ledger";

type Release = { codeId: string; expired: boolean; driverId?: string };

/**
 * Gives held Nova back: only a code still HELD (and, for expiry, past its time; for a
 * cancel, the driver's own) can be released. Confirmation and release race on the same
 * conditional update, so exactly one of them wins.
 */
export async function releaseInTx(tx: Tx, { codeId, expired, driverId }: Release): Promise<boolean> {
  const releaseId = createId();
  const rows = await tx.$queryRaw<
    { driverId: string; novaAmount: number; offerId: string; title: string; merchant: string }[]
  >`
    UPDATE "RedemptionCode" rc SET "status" = 'RELEASED', "settleTxId" = ${releaseId}, "settledAt" = now()
    FROM "Offer" o JOIN "Merchant" m ON m."id" = o."merchantId"
    WHERE rc."id" = ${codeId} AND rc."offerId" = o."id" AND rc."status" = 'HELD'
      AND (${expired}::boolean = false OR rc."expiresAt" <= now())
      AND (${driverId ?? null}::text IS NULL OR rc."driverId" = ${driverId ?? null})
    RETURNING rc."driverId", rc."novaAmount", rc."offerId", o."title", m."name" AS merchant`;
  if (rows.length === 0) return false;
  const r = rows[0];
  await postInTx(tx, {
    id: releaseId,
    idempotencyKey: `code:${codeId}:release`,
    type: "REDEMPTION_RELEASE",
    reason: `${expired ? "Code expired" : "Cancelled"}: “${r.title}” at ${r.merchant}, Nova returned`,
    request: { codeId, expired, driverId: r.driverId },
    metadata: { codeId, expired },
    lines: [
      { account: accounts.driverHeldNova(r.driverId), amount: -BigInt(r.novaAmount) },
      { account: accounts.driverNova(r.driverId), amount: BigInt(r.novaAmount) },
    ],
  });
  await refundUsage(tx, `offer:${r.offerId}:total`, 1n);
  await refundUsage(tx, `offer:${r.offerId}:driver:${r.driverId}`, 1n);
  await recordAudit(
    {
      action: expired ? "redemption.expired" : "redemption.cancelled",
      actorId: driverId ?? null,
      targetType: "redemption_code",
      targetId: codeId,
    },
    tx,
  );
  ledgerMetrics().redemptions.inc({ outcome: expired ? "expired" : "cancelled" });
  return true;
}

/** Unscoped (expiry sweeps, tests): releases a code by id, for its driver when `driverId` is given. */
export const unsafeReleaseRedemption = (input: Release) => runMoneyTx((tx) => releaseInTx(tx, input));

/** The driver cancels one of their own codes still waiting at a counter; another driver's code is not found. */
export async function cancelCode(actor: Actor, codeId: string): Promise<{ codeId: string }> {
  assertCan(actor, "driver:use");
  if (await unsafeReleaseRedemption({ codeId, expired: false, driverId: actor.userId })) return { codeId };
  const own = await db().redemptionCode.findFirst({
    where: { id: codeId, driverId: actor.userId },
    select: { id: true },
  });
  if (!own) throw notFound("That code");
  throw new AppError(
    "not_cancellable",
    "This code can no longer be cancelled: it was already used, cancelled or has expired.",
  );
}

/**
 * Releases holds whose codes ran out: the actor's own before a page reads their balances, or
 * every driver's (the scheduled job, with no actor).
 */
export async function releaseExpiredHolds({
  actor,
  limit = 100,
}: { actor?: Actor; limit?: number } = {}): Promise<number> {
  if (actor) assertCan(actor, "driver:use");
  const due = await db().redemptionCode.findMany({
    where: { status: "HELD", expiresAt: { lte: new Date() }, ...(actor ? { driverId: actor.userId } : {}) },
    select: { id: true },
    take: limit,
  });
  let released = 0;
  for (const { id } of due) if (await unsafeReleaseRedemption({ codeId: id, expired: true })) released++;
  return released;
}
