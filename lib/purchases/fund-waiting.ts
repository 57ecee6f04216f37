import "server-only";
import { config } from "@/lib/config";
import { db, type Tx } from "@/lib/db";
import { jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { logger } from "@/lib/observability";
import { unsafeSendMerchantNotice } from "./notices";
import { lockOrder } from "./order-lock";
import { payMatchedReward } from "./pay-reward";
import { purchaseRewardsClosed } from "./rewards-open";
import { reverseForRefund } from "./reverse-reward";
import { belowMinimumTicket } from "./rules";

const RECENT_MS = 15 * 60_000;

/**
 * Job (after a top-up, for that merchant; and every 5 minutes for all): pays rewards waiting for
 * the merchant's funds, oldest first, until the money runs short. Then the owners hear, at most
 * once a day each, of what still waits and of a balance left low; the sweep also sends the
 * notices a caller without a started queue could not queue.
 */
export async function unsafeFundWaitingPurchases(
  merchantId?: string,
  now = new Date(),
): Promise<{ paid: number; stillWaiting: number }> {
  const waiting = await db().purchaseReward.findMany({
    where: { status: "WAITING_FUNDS", ...(merchantId ? { merchantId } : {}) },
    select: { id: true, orderId: true, merchantId: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  if (waiting.length > 0) await jobsReady(); // each payment queues its release
  const short = new Set<string>();
  const funded = new Set<string>();
  let paid = 0;
  for (const r of waiting) {
    if (short.has(r.merchantId)) continue;
    const status = await runMoneyTx((tx) => fundOne(tx, r.id, r.orderId, now)).catch((err) => {
      logger.warn({ err, rewardId: r.id }, "funding a waiting purchase reward failed");
      return "FAILED";
    });
    if (status === "PENDING") {
      paid++;
      funded.add(r.merchantId);
    } else if (status === "WAITING_FUNDS") short.add(r.merchantId);
  }
  if (!merchantId) {
    const recent = await db().purchaseReward.findMany({
      where: { paidAt: { gte: new Date(now.getTime() - RECENT_MS) } },
      select: { merchantId: true },
      distinct: ["merchantId"],
      take: 200,
    });
    for (const { merchantId: m } of recent) funded.add(m);
  }
  const notices = [
    ...[...short].map((m) => [m, "waiting-funds"] as const),
    ...[...funded].map((m) => [m, "low-balance"] as const),
  ];
  for (const [m, kind] of notices)
    await unsafeSendMerchantNotice(m, kind, now).catch((err) =>
      logger.warn({ err, merchantId: m, kind }, "merchant notice failed"),
    );
  return { paid, stillWaiting: short.size };
}

async function fundOne(tx: Tx, id: string, orderId: string, now: Date) {
  const order = await lockOrder(tx, orderId);
  const reward = await tx.purchaseReward.findUnique({
    where: { id },
    select: { status: true, driverId: true, rewardCents: true, feeCents: true, merchant: { select: { name: true } } },
  });
  if (!order || !reward?.driverId || reward.status !== "WAITING_FUNDS") return reward?.status ?? "GONE";
  if (belowMinimumTicket(order, config().PURCHASE_MIN_TICKET_CENTS))
    return reverseForRefund(tx, order, { id, status: reward.status, driverId: reward.driverId }, now);
  // paused or the merchant suspended: it keeps waiting, and is paid once both are back
  if (await purchaseRewardsClosed(tx, order.merchantId)) return "PAUSED";
  return payMatchedReward(
    tx,
    order,
    {
      id,
      driverId: reward.driverId,
      rewardCents: reward.rewardCents,
      feeCents: reward.feeCents,
      merchantName: reward.merchant.name,
    },
    now,
  );
}
