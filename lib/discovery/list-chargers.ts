import "server-only";
import { db } from "@/lib/db";

export type ChargerSummary = {
  id: string;
  name: string;
  network: string | null;
  address: string;
  latitude: number;
  longitude: number;
  powerKw: number | null;
  connectors: string[];
  isPartner: boolean;
  merchants: { id: string; name: string; category: string; activeOffers: number }[];
};

/** Chargers with the active partner merchants beside them, partners first. */
export async function listChargers(): Promise<ChargerSummary[]> {
  const now = new Date();
  const chargers = await db().charger.findMany({
    orderBy: [{ isPartner: "desc" }, { name: "asc" }],
    include: {
      merchants: {
        where: { status: "ACTIVE" },
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          category: true,
          _count: { select: { offers: { where: { active: true, unlockOnly: false, startsAt: { lte: now } } } } },
        },
      },
    },
  });
  return chargers.map((c) => ({
    id: c.id,
    name: c.name,
    network: c.network,
    address: c.address,
    latitude: c.latitude,
    longitude: c.longitude,
    powerKw: c.powerKw,
    connectors: c.connectors,
    isPartner: c.isPartner,
    merchants: c.merchants.map((m) => ({
      id: m.id,
      name: m.name,
      category: m.category,
      activeOffers: m._count.offers,
    })),
  }));
}
