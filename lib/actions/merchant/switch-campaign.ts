"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { campaignSwitchInput, setCampaignEnabled } from "@/lib/campaigns";

/** The campaign's kill switch. */
export const switchShopCampaignAction = action({
  permission: "merchant:operate",
  input: campaignSwitchInput,
  run: async ({ campaignId, enabled }, { actor, meta }) => {
    const switched = await setCampaignEnabled(actor, campaignId, enabled, meta);
    revalidatePath("/merchant/campaigns", "layout");
    return switched;
  },
});
