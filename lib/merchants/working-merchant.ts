import "server-only";
import { assertCan, requireMembership, type Actor } from "@/lib/access";
import { config } from "@/lib/config";
import { db } from "@/lib/db";

/** The cookie that remembers which of their merchants a member is working on (validated on every read). */
export const MERCHANT_COOKIE = "nerava.merchant";
export const merchantCookieOptions = () => ({
  httpOnly: true,
  sameSite: "lax" as const,
  path: "/",
  secure: config().NEXTAUTH_URL.startsWith("https://"),
});

export type MerchantChoice = { id: string; name: string; status: string };
export type WorkingMerchant =
  | { kind: "none" }
  | { kind: "choose"; merchants: MerchantChoice[] }
  | { kind: "one"; merchant: MerchantChoice; merchants: MerchantChoice[] };

/** The merchants the actor belongs to (owner or staff), by name. */
export async function listMyMerchants(actor: Actor): Promise<MerchantChoice[]> {
  assertCan(actor, "merchant:view");
  const rows = await db().merchantMember.findMany({
    where: { userId: actor.userId },
    orderBy: { merchant: { name: "asc" } },
    select: { merchant: { select: { id: true, name: true, status: true } } },
  });
  return rows.map((r) => r.merchant);
}

/**
 * The merchant a member is working on, never guessed: the one they chose (if they still belong
 * to it), or their only one. A member of several who has not chosen is asked to choose.
 */
export async function resolveWorkingMerchant(actor: Actor, requested?: string | null): Promise<WorkingMerchant> {
  const merchants = await listMyMerchants(actor);
  const chosen = requested ? merchants.find((m) => m.id === requested) : undefined;
  if (chosen) return { kind: "one", merchant: chosen, merchants };
  if (merchants.length === 1) return { kind: "one", merchant: merchants[0], merchants };
  return merchants.length === 0 ? { kind: "none" } : { kind: "choose", merchants };
}

/** Checks a member's choice of merchant before it is remembered: another merchant's id is not found. */
export async function selectWorkingMerchant(actor: Actor, merchantId: string): Promise<string> {
  await requireMembership(actor, merchantId, "merchant:view");
  return merchantId;
}
