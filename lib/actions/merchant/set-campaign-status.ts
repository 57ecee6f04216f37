"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { campaignStatusInput, setCampaignStatus } from "@/lib/campaigns";

export const setShopCampaignStatusAction = action({
  permission: "merchant:operate",
  input: campaignStatusInput,
  run: async ({ campaignId, status }, { actor, meta }) => {
    const moved = await setCampaignStatus(actor, campaignId, status, meta);
    revalidatePath("/merchant/campaigns", "layout");
    return moved;
  },
});
