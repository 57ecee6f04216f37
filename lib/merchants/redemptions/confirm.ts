import "server-only";
import { z } from "zod";
import { auditRefusals, recordAudit } from "@/lib/audit";
import { awardCampaignsInTx } from "@/lib/campaigns";
import { isMerchantMember, requireMembership, type Actor } from "@/lib/access";
import type { RequestMeta } from "@/lib/auth/request-meta";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { accounts, ledgerMetrics, postInTx, runMoneyTx } from "@/lib/ledger";
import { createId } from "@/lib/ledger";
import { rateLimit } from "@/lib/rate-limit";
import { normalizeCode } from "./code";
import { unsafeReleaseRedemption } from "./release";

export const confirmInput = z.object({ code: z.string().trim().min(4, "Enter the code.").max(40) });

export type Confirmed = { codeId: string; offerTitle: string; nova: number; transactionId: string };

/**
 * A member of the merchant confirms a code at the counter. Exactly one confirmation per code
 * under any concurrency: the conditional update from HELD to CONFIRMED decides the winner, and
 * the Nova moves in the same transaction.
 */
export async function confirmRedemption(
  actor: Actor,
  merchantId: string,
  input: z.infer<typeof confirmInput>,
  meta: RequestMeta,
): Promise<Confirmed> {
  await requireMembership(actor, merchantId, "merchant:operate");
  const merchantUserId = actor.userId;
  await rateLimit("redeemCodePerUser", merchantUserId);
  await rateLimit("redeemCodePerIp", meta.ip);
  const code = normalizeCode(input.code);
  const refusal = {
    action: "redemption.refused",
    actorId: merchantUserId,
    targetType: "merchant",
    targetId: merchantId,
    ...meta,
  };
  await auditRefusals(refusal, () => refuseOwnCode(code, merchantId, merchantUserId));
  const settleId = createId();
  const confirmed = await runMoneyTx(async (tx) => {
    const rows = await tx.$queryRaw<
      {
        id: string;
        driverId: string;
        novaAmount: number;
        title: string;
        merchant: string;
        latitude: number;
        longitude: number;
      }[]
    >`
      UPDATE "RedemptionCode" rc SET "status" = 'CONFIRMED', "settleTxId" = ${settleId}, "confirmedById" = ${merchantUserId}, "settledAt" = now()
      FROM "Offer" o JOIN "Merchant" m ON m."id" = o."merchantId"
      WHERE rc."code" = ${code} AND rc."offerId" = o."id" AND o."merchantId" = ${merchantId}
        AND rc."status" = 'HELD' AND rc."expiresAt" > now() AND m."status" = 'ACTIVE'
      RETURNING rc."id", rc."driverId", rc."novaAmount", o."title", m."name" AS merchant, m."latitude", m."longitude"`;
    if (rows.length === 0) return null;
    const r = rows[0];
    await postInTx(tx, {
      id: settleId,
      idempotencyKey: `code:${r.id}:settle`,
      type: "REDEMPTION_CONFIRM",
      reason: `Redeemed “${r.title}” at ${r.merchant}`,
      request: { codeId: r.id, merchantId, driverId: r.driverId },
      actorId: merchantUserId,
      metadata: { codeId: r.id, merchantId },
      lines: [
        { account: accounts.driverHeldNova(r.driverId), amount: -BigInt(r.novaAmount) },
        { account: accounts.merchantNova(merchantId), amount: BigInt(r.novaAmount) },
      ],
    });
    await recordAudit(
      {
        action: "redemption.confirmed",
        actorId: merchantUserId,
        targetType: "redemption_code",
        targetId: r.id,
        metadata: { merchantId, nova: r.novaAmount, transactionId: settleId },
        ...meta,
      },
      tx,
    );
    // the code moved to CONFIRMED once (the conditional update above): its campaigns pay with it, once each
    await awardCampaignsInTx(tx, {
      trigger: "redemption_confirmed",
      id: r.id,
      driverId: r.driverId,
      occurredAt: new Date(),
      place: { merchantId, latitude: r.latitude, longitude: r.longitude, isPartner: true },
    });
    return { codeId: r.id, offerTitle: r.title, nova: r.novaAmount, transactionId: settleId };
  });
  if (confirmed) {
    ledgerMetrics().redemptions.inc({ outcome: "confirmed" });
    return confirmed;
  }
  throw await explainRefusal(code, merchantId);
}

/** A code redeemed by someone who works at this merchant (the confirming member included) is not theirs to confirm. */
async function refuseOwnCode(code: string, merchantId: string, merchantUserId: string): Promise<void> {
  const row = await db().redemptionCode.findUnique({
    where: { code },
    select: { driverId: true, offer: { select: { merchantId: true } } },
  });
  if (!row || row.offer.merchantId !== merchantId) return;
  if (row.driverId === merchantUserId || (await isMerchantMember(merchantId, row.driverId)))
    throw new AppError(
      "self_dealing",
      "This code was redeemed by someone who works here: it cannot be confirmed at this merchant.",
    );
}

/** Why a code was not confirmed, in words for the person at the counter. */
async function explainRefusal(code: string, merchantId: string): Promise<AppError> {
  // a suspended shop: the driver's code stays held (it is theirs to cancel), not expired
  const shop = await db().merchant.findUnique({ where: { id: merchantId }, select: { status: true } });
  if (shop?.status !== "ACTIVE") return new AppError("merchant_inactive", "This shop cannot take Nova right now.");
  const row = await db().redemptionCode.findUnique({
    where: { code },
    select: { id: true, status: true, settleTxId: true, offer: { select: { merchantId: true } } },
  });
  const outcome =
    !row || row.offer.merchantId !== merchantId
      ? "unknown"
      : row.status === "CONFIRMED"
        ? "used"
        : row.status === "RELEASED" && !(await releasedByExpiry(row.settleTxId))
          ? "cancelled"
          : "expired";
  ledgerMetrics().redemptions.inc({ outcome: `refused_${outcome}` });
  if (outcome === "unknown")
    return new AppError("unknown_code", "No code like that for this shop. Check it and try again.");
  if (outcome === "used") return new AppError("code_used", "This code was already used.");
  if (outcome === "cancelled")
    return new AppError(
      "code_cancelled",
      "The driver cancelled this code and got their Nova back. They can redeem the offer again in the app.",
    );
  if (row!.status === "HELD") await unsafeReleaseRedemption({ codeId: row!.id, expired: true });
  return new AppError("code_expired", "This code has expired. The driver can redeem the offer again in the app.");
}

/** A released code was either cancelled by its driver or ran out; its release transaction says which. */
async function releasedByExpiry(settleTxId: string | null): Promise<boolean> {
  if (!settleTxId) return true;
  const release = await db().ledgerTransaction.findUnique({ where: { id: settleTxId }, select: { metadata: true } });
  return (release?.metadata as { expired?: boolean } | null)?.expired !== false;
}
