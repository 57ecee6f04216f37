import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { purchaseQuestion } from "./rules";

export type PurchaseQuestion = {
  rewardId: string;
  question: string;
  totalCents: number;
  merchantName: string;
  orderedAt: Date;
};

/** The driver's open questions ("Was this your $12.40 at …?"), newest sale first. */
export async function listPurchaseQuestions(actor: Actor): Promise<PurchaseQuestion[]> {
  assertCan(actor, "driver:use");
  const rows = await db().purchaseCandidate.findMany({
    where: { driverId: actor.userId, answer: null, reward: { status: "AWAITING_DRIVER" } },
    select: {
      rewardId: true,
      reward: {
        select: {
          merchant: { select: { name: true } },
          order: { select: { totalCents: true, orderedAt: true } },
        },
      },
    },
    orderBy: { createdAt: "desc" },
    take: 20,
  });
  return rows.map((r) => ({
    rewardId: r.rewardId,
    question: purchaseQuestion(r.reward.order.totalCents, r.reward.merchant.name),
    totalCents: r.reward.order.totalCents,
    merchantName: r.reward.merchant.name,
    orderedAt: r.reward.order.orderedAt,
  }));
}
