import "server-only";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { findCandidates, type Candidate } from "./find-candidates";
import type { LockedOrder } from "./order-lock";
import { payMatchedReward } from "./pay-reward";
import { purchaseRewardsClosed } from "./rewards-open";
import { belowMinimumTicket, tooLate } from "./rules";

type Strength = "PHONE" | "CARD";

/**
 * The strongest signal that names one candidate: the order's phone is their verified phone, or
 * the order's card was learned for them at this merchant. Anything weaker is never a guess.
 */
async function strongMatch(
  tx: Tx,
  order: LockedOrder,
  candidates: Candidate[],
): Promise<{ candidate: Candidate; strength: Strength } | null> {
  const byPhone = order.customerPhone
    ? candidates.find((c) => c.phoneVerified && c.phone === order.customerPhone)
    : undefined;
  if (byPhone) return { candidate: byPhone, strength: "PHONE" };
  if (!order.cardFingerprint) return null;
  const card = await tx.cardFingerprint.findUnique({
    where: { merchantId_fingerprint: { merchantId: order.merchantId, fingerprint: order.cardFingerprint } },
    select: { driverId: true },
  });
  const byCard = card ? candidates.find((c) => c.driverId === card.driverId) : undefined;
  return byCard ? { candidate: byCard, strength: "CARD" } : null;
}

/**
 * First sight of a COMPLETED order (row locked by the caller): records its reward row and decides
 * it — paid (or waiting for the merchant's funds) for a strong match, a question to every
 * candidate otherwise, unmatched with no candidate (or a sale too old, or already refunded).
 */
export async function matchNewOrder(tx: Tx, order: LockedOrder, now: Date): Promise<string> {
  const env = config();
  const base = {
    orderId: order.id,
    merchantId: order.merchantId,
    rewardCents: env.PURCHASE_REWARD_FLAT_CENTS,
    feeCents: env.PURCHASE_PLATFORM_FEE_CENTS,
  };
  // paused (kill switch) or a merchant no longer ACTIVE: the order is kept, never rewarded
  const candidates =
    belowMinimumTicket(order, config().PURCHASE_MIN_TICKET_CENTS) ||
    tooLate(order.orderedAt, now, env.PURCHASE_LATE_ORDER_HOURS) ||
    (await purchaseRewardsClosed(tx, order.merchantId))
      ? []
      : await findCandidates(tx, order, now);
  if (candidates.length === 0) {
    await tx.purchaseReward.create({ data: { ...base, status: "UNMATCHED" } });
    return "UNMATCHED";
  }
  const match = await strongMatch(tx, order, candidates);
  if (!match) {
    await tx.purchaseReward.create({
      data: {
        ...base,
        status: "AWAITING_DRIVER",
        candidates: { create: candidates.map((c) => ({ driverId: c.driverId, sessionId: c.sessionId })) },
      },
    });
    return "AWAITING_DRIVER";
  }
  const reward = await tx.purchaseReward.create({
    data: {
      ...base,
      status: "WAITING_FUNDS",
      driverId: match.candidate.driverId,
      sessionId: match.candidate.sessionId,
      strength: match.strength,
    },
    select: { id: true, merchant: { select: { name: true } } },
  });
  return payMatchedReward(
    tx,
    order,
    { id: reward.id, driverId: match.candidate.driverId, ...base, merchantName: reward.merchant.name },
    now,
  );
}
