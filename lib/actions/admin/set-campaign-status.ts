"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { campaignStatusInput, setCampaignStatus } from "@/lib/campaigns";

export const setCampaignStatusAction = action({
  permission: "admin:campaigns",
  input: campaignStatusInput,
  run: async ({ campaignId, status }, { actor, meta }) => {
    const moved = await setCampaignStatus(actor, campaignId, status, meta);
    revalidatePath("/admin/campaigns", "layout");
    return moved;
  },
});
