import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { db, type MemberRole, type SquareConnectionStatus } from "@/lib/db";
import { notFound } from "@/lib/errors";

export type MerchantDashboard = {
  merchant: {
    id: string;
    name: string;
    category: string;
    address: string;
    status: string;
    statusReason: string | null;
    /** null: never connected. Only CONNECTED means calls to Square work. */
    squareStatus: SquareConnectionStatus | null;
  };
  offers: { id: string; title: string; novaPrice: number; active: boolean; endsAt: Date | null; redemptions: number }[];
  confirmedRedemptions: number;
  /** The signed-in member's role here: owners manage offers, Square and money. */
  role: MemberRole;
};

/** What a merchant's team sees on its dashboard; only its members may read it. */
export async function getMerchantDashboard(actor: Actor, merchantId: string): Promise<MerchantDashboard> {
  const { role } = await requireMembership(actor, merchantId, "merchant:view");
  const merchant = await db().merchant.findUnique({
    where: { id: merchantId },
    select: {
      id: true,
      name: true,
      category: true,
      address: true,
      status: true,
      statusReason: true,
      square: { select: { status: true } },
      offers: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          title: true,
          novaPrice: true,
          active: true,
          endsAt: true,
          _count: { select: { codes: { where: { status: "CONFIRMED" } } } },
        },
      },
    },
  });
  if (!merchant) throw notFound("That merchant");
  const offers = merchant.offers.map((o) => ({
    id: o.id,
    title: o.title,
    novaPrice: o.novaPrice,
    active: o.active,
    endsAt: o.endsAt,
    redemptions: o._count.codes,
  }));
  return {
    merchant: {
      id: merchant.id,
      name: merchant.name,
      category: merchant.category,
      address: merchant.address,
      status: merchant.status,
      statusReason: merchant.statusReason,
      squareStatus: merchant.square?.status ?? null,
    },
    offers,
    confirmedRedemptions: offers.reduce((sum, o) => sum + o.redemptions, 0),
    role,
  };
}
