import "server-only";
import { db } from "@/lib/db";
import type { CurrentSession } from "@/lib/auth/sessions";

/**
 * The merchant a signed-in member is working on: the one asked for if they belong to it,
 * otherwise their first. Null when they belong to none.
 */
export async function currentMerchantId(session: CurrentSession, requested?: string): Promise<string | null> {
  const memberships = await db().merchantMember.findMany({
    where: { userId: session.user.id },
    orderBy: { createdAt: "asc" },
    select: { merchantId: true },
  });
  const ids = memberships.map((m) => m.merchantId);
  return requested && ids.includes(requested) ? requested : (ids[0] ?? null);
}

/** Membership check for handlers that take a merchant id from the URL (cross-tenant guard). */
export async function findMembership(userId: string, merchantId: string) {
  return db().merchantMember.findUnique({
    where: { merchantId_userId: { merchantId, userId } },
    select: { role: true, merchantId: true },
  });
}
