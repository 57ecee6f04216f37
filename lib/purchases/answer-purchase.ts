import "server-only";
import { config } from "@/lib/config";
import { z } from "zod";
import { recordAudit } from "@/lib/audit";
import { type RequestMeta } from "@/lib/auth";
import { assertCan, type Actor } from "@/lib/access";
import { Prisma, type Tx } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { jobsReady } from "@/lib/jobs";
import { runMoneyTx } from "@/lib/ledger";
import { lockOrder, type LockedOrder } from "./order-lock";
import { payMatchedReward } from "./pay-reward";
import { purchaseRewardsClosed } from "./rewards-open";
import { belowMinimumTicket, LIVE_REWARD } from "./rules";

export const answerPurchaseInput = z.object({
  rewardId: z.string().min(1).max(64),
  answer: z.boolean(),
});
export type AnswerPurchaseInput = z.infer<typeof answerPurchaseInput>;

const answered = (message: string) => new AppError("purchase_answered", message);

/**
 * A candidate driver's answer to "Was this your $12.40 at …?". Yes: the first yes takes the
 * reward (a conditional update decides), it is paid at once (or waits for the merchant's funds)
 * and the order's card is learned for this driver at this merchant. No from every candidate:
 * declined. A driver who was not asked gets not found; a second answer, or a yes after someone
 * else's, gets purchase_answered.
 */
export async function answerPurchase(actor: Actor, input: AnswerPurchaseInput, meta: RequestMeta) {
  assertCan(actor, "driver:use");
  await jobsReady(); // a yes pays, and queues the release for when the refund window closes
  return runMoneyTx(async (tx) => {
    const asked = await tx.purchaseCandidate.findUnique({
      where: { rewardId_driverId: { rewardId: input.rewardId, driverId: actor.userId } },
      select: { id: true, sessionId: true, reward: { select: { orderId: true } } },
    });
    if (!asked) throw notFound("That purchase");
    const order = (await lockOrder(tx, asked.reward.orderId))!;
    const mine = await tx.purchaseCandidate.updateMany({
      where: { id: asked.id, answer: null },
      data: { answer: input.answer, answeredAt: new Date() },
    });
    if (mine.count === 0) throw answered("You have already answered about this purchase.");
    const status = input.answer
      ? await claim(tx, order, input.rewardId, actor.userId, asked.sessionId)
      : await declineIfEveryoneSaidNo(tx, input.rewardId);
    await recordAudit(
      {
        action: input.answer ? "purchase.claimed" : "purchase.declined",
        actorId: actor.userId,
        targetType: "purchase_reward",
        targetId: input.rewardId,
        metadata: { squareOrderId: order.squareOrderId, status },
        ...meta,
      },
      tx,
    );
    // a "no" is answered for this driver alone, whatever became of the reward since
    return { rewardId: input.rewardId, status: input.answer ? status : ("NOT_YOURS" as const) };
  }).catch((err: unknown) => {
    // the partial unique index allows one live purchase reward per charging visit (a race the check below lost)
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw onePerVisit();
    throw err;
  });
}

const onePerVisit = () =>
  answered("You already have a purchase reward for this charging visit: one purchase a visit earns a reward.");

async function claim(tx: Tx, order: LockedOrder, rewardId: string, driverId: string, sessionId: string) {
  const closed = await purchaseRewardsClosed(tx, order.merchantId);
  if (closed) throw closed;
  if (belowMinimumTicket(order, config().PURCHASE_MIN_TICKET_CENTS))
    throw answered("This purchase was refunded, so it no longer earns a reward.");
  if (await tx.purchaseReward.count({ where: { sessionId, status: { in: [...LIVE_REWARD] } } })) throw onePerVisit();
  const won = await tx.purchaseReward.updateMany({
    where: { id: rewardId, status: "AWAITING_DRIVER" },
    data: { status: "WAITING_FUNDS", driverId, sessionId, strength: "CONFIRMED" },
  });
  if (won.count === 0) throw answered("Another driver already said this purchase was theirs.");
  if (order.cardFingerprint)
    // a card maps to one driver per merchant: the first to claim it keeps it
    await tx.cardFingerprint.createMany({
      data: [{ merchantId: order.merchantId, fingerprint: order.cardFingerprint, driverId }],
      skipDuplicates: true,
    });
  const reward = await tx.purchaseReward.findUniqueOrThrow({
    where: { id: rewardId },
    select: { rewardCents: true, feeCents: true, merchant: { select: { name: true } } },
  });
  return payMatchedReward(tx, order, {
    id: rewardId,
    driverId,
    rewardCents: reward.rewardCents,
    feeCents: reward.feeCents,
    merchantName: reward.merchant.name,
  });
}

async function declineIfEveryoneSaidNo(tx: Tx, rewardId: string) {
  const open = await tx.purchaseCandidate.count({ where: { rewardId, OR: [{ answer: null }, { answer: true }] } });
  if (open === 0)
    await tx.purchaseReward.updateMany({
      where: { id: rewardId, status: "AWAITING_DRIVER" },
      data: { status: "DECLINED" },
    });
  const reward = await tx.purchaseReward.findUniqueOrThrow({ where: { id: rewardId }, select: { status: true } });
  return reward.status;
}
