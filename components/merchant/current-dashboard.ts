import "server-only";
import { cache } from "react";
import { currentMerchantId, getMerchantDashboard } from "@/lib/merchants";

/**
 * The dashboard of the merchant this surface shows, or null when there is none yet. Cached per
 * request so the layout (merchant name) and the page share one load.
 */
export const loadCurrentDashboard = cache(async () => {
  const merchantId = await currentMerchantId();
  return merchantId ? getMerchantDashboard(merchantId) : null;
});
