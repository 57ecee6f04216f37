import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { actorOf, requirePagePermission } from "@/lib/auth";
import type { Actor } from "@/lib/access";
import {
  getMerchantDashboard,
  MERCHANT_COOKIE,
  resolveWorkingMerchant,
  type MerchantDashboard,
  type WorkingMerchant,
} from "@/lib/merchants";

export type CurrentMerchant = { actor: Actor; working: WorkingMerchant; dashboard: MerchantDashboard | null };

/**
 * The merchant the signed-in member works on (the one they chose, or their only one) with its
 * dashboard; no dashboard while they belong to none or have not chosen among several. Cached per
 * request so the layout (merchant name) and the page share one load.
 */
export const loadCurrentMerchant = cache(async (): Promise<CurrentMerchant> => {
  const actor = actorOf(await requirePagePermission("merchant:view", "/merchant"));
  const working = await resolveWorkingMerchant(actor, (await cookies()).get(MERCHANT_COOKIE)?.value);
  const dashboard = working.kind === "one" ? await getMerchantDashboard(actor, working.merchant.id) : null;
  return { actor, working, dashboard };
});

export const loadCurrentDashboard = async () => (await loadCurrentMerchant()).dashboard;
