import "server-only";
import { db } from "@/lib/db";

export type OfferCard = {
  id: string;
  title: string;
  description: string;
  novaPrice: number;
  endsAt: Date | null;
  merchant: { id: string; name: string; category: string; address: string };
  /** The campaign that opened this campaign-only offer to the driver; null for an offer open to everyone. */
  unlockedBy: string | null;
};

/**
 * Offers a driver can see now: active, started, not ended, at active merchants; a campaign-only
 * offer only for a driver a campaign unlocked it for (`driverId`; none when signed out).
 */
export async function listLiveOffers(limit = 50, driverId: string | null = null): Promise<OfferCard[]> {
  const now = new Date();
  const offers = await db().offer.findMany({
    where: {
      active: true,
      startsAt: { lte: now },
      AND: [
        { OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
        { OR: [{ unlockOnly: false }, ...(driverId ? [{ unlocks: { some: { driverId } } }] : [])] },
      ],
      merchant: { status: "ACTIVE" },
    },
    orderBy: [{ novaPrice: "asc" }, { title: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      description: true,
      novaPrice: true,
      endsAt: true,
      merchant: { select: { id: true, name: true, category: true, address: true } },
      unlocks: { where: { driverId: driverId ?? "" }, select: { campaignName: true } },
    },
  });
  return offers.map(({ unlocks, ...o }) => ({ ...o, unlockedBy: unlocks[0]?.campaignName ?? null }));
}
