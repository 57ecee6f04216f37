import "server-only";
import { requireMembership, type Actor } from "@/lib/access";
import { db } from "@/lib/db";

/** The merchant's Square locations a report can be narrowed to, for its members. */
export async function listReportLocations(actor: Actor, merchantId: string): Promise<{ id: string; name: string }[]> {
  await requireMembership(actor, merchantId, "merchant:view");
  return db().merchantLocation.findMany({
    where: { merchantId },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
