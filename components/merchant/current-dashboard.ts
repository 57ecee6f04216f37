import "server-only";
import { cache } from "react";
import { requirePagePermission } from "@/lib/auth";
import { currentMerchantId, getMerchantDashboard } from "@/lib/merchants";

/**
 * The dashboard of the merchant the signed-in member works for, or null when they belong to
 * none. Cached per request so the layout (merchant name) and the page share one load.
 */
export const loadCurrentDashboard = cache(async () => {
  const session = await requirePagePermission("merchant:view", "/merchant");
  const merchantId = await currentMerchantId(session);
  return merchantId ? getMerchantDashboard(merchantId) : null;
});
