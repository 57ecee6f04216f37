import "server-only";
import { db } from "@/lib/db";

export type OfferCard = {
  id: string;
  title: string;
  description: string;
  novaPrice: number;
  endsAt: Date | null;
  merchant: { id: string; name: string; category: string; address: string };
};

/** Offers a driver can see now: active, started, not ended, at active merchants. */
export async function listLiveOffers(limit = 50): Promise<OfferCard[]> {
  const now = new Date();
  const offers = await db().offer.findMany({
    where: {
      active: true,
      startsAt: { lte: now },
      OR: [{ endsAt: null }, { endsAt: { gt: now } }],
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
    },
  });
  return offers;
}
