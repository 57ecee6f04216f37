import "server-only";
import { db } from "@/lib/db";

/** Merchants the user belongs to (owner or staff), for the merchant surface's switcher. */
export async function listMerchantsForUser(userId: string) {
  return db().merchantMember.findMany({
    where: { userId },
    orderBy: { merchant: { name: "asc" } },
    select: { role: true, merchant: { select: { id: true, name: true, status: true } } },
  });
}
