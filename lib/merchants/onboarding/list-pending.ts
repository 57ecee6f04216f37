import "server-only";
import { assertCan, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

export type PendingMerchant = {
  id: string;
  name: string;
  category: string;
  address: string;
  latitude: number;
  longitude: number;
  contactPhone: string | null;
  contactEmail: string | null;
  createdAt: Date;
};

/** Admins: businesses waiting for review, oldest first (the ones waiting longest come first). */
export async function listPendingMerchants(actor: Actor, take = 50): Promise<PendingMerchant[]> {
  assertCan(actor, "admin:manage-merchants");
  return db().merchant.findMany({
    where: { status: "PENDING" },
    orderBy: { createdAt: "asc" },
    take,
    select: {
      id: true,
      name: true,
      category: true,
      address: true,
      latitude: true,
      longitude: true,
      contactPhone: true,
      contactEmail: true,
      createdAt: true,
    },
  });
}
