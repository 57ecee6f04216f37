import "server-only";
import { requireMembership } from "@/lib/access";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";

/**
 * The merchant being worked on and whether the signed-in member owns it: a shop's campaigns are
 * its owners' (lib/campaigns/access.ts refuses staff), so staff get a sentence instead of the page.
 */
export async function loadShopCampaignAccess() {
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard) return { actor, merchant: null, owner: false } as const;
  const { role } = await requireMembership(actor, dashboard.merchant.id, "merchant:view");
  return { actor, merchant: dashboard.merchant, owner: role === "OWNER" } as const;
}
