import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { unsafeGetBalances } from "@/lib/ledger";

const RECENT = 20;

/** Admin-only: one merchant's standing, Square link, prepaid cash, offers, recent activity and team. Unknown id: not found. */
export async function getMerchantDetail(actor: Actor, merchantId: string) {
  assertCan(actor, "admin:view");
  const merchant = await db().merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      name: true,
      category: true,
      address: true,
      status: true,
      statusReason: true,
      contactEmail: true,
      contactPhone: true,
      createdAt: true,
      square: { select: { status: true, statusReason: true, connectedAt: true, squareMerchantId: true } },
      offers: {
        orderBy: { createdAt: "desc" },
        select: { id: true, title: true, novaPrice: true, active: true, startsAt: true, endsAt: true },
      },
      members: {
        orderBy: { createdAt: "asc" },
        select: { id: true, role: true, user: { select: { id: true, email: true, name: true, status: true } } },
      },
    },
  });
  if (!merchant) throw notFound("That merchant");
  const [balances, redemptions, purchaseRewards] = await Promise.all([
    unsafeGetBalances("MERCHANT", merchantId),
    db().redemptionCode.findMany({
      where: { offer: { merchantId } },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: {
        id: true,
        status: true,
        novaAmount: true,
        createdAt: true,
        settledAt: true,
        offer: { select: { title: true } },
        driver: { select: { email: true } },
      },
    }),
    db().purchaseReward.findMany({
      where: { merchantId },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: {
        id: true,
        status: true,
        rewardCents: true,
        feeCents: true,
        createdAt: true,
        order: { select: { totalCents: true, squareOrderId: true } },
      },
    }),
  ]);
  return {
    ...merchant,
    prepaidCents: Number(balances.usd.available),
    novaReceived: Number(balances.nova.available),
    redemptions,
    purchaseRewards,
  };
}
export type MerchantDetail = Awaited<ReturnType<typeof getMerchantDetail>>;
