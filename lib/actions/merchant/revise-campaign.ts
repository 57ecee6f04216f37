"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { campaignFormShape, definitionFromForm, reviseCampaign, withDefinitionCheck } from "@/lib/campaigns";

export const reviseShopCampaignAction = action({
  permission: "merchant:operate",
  input: withDefinitionCheck(z.object({ ...campaignFormShape, campaignId: z.string().min(1).max(64) })),
  run: async ({ campaignId, ...fields }, { actor, meta }) => {
    const campaign = await reviseCampaign(actor, campaignId, definitionFromForm(fields), meta);
    revalidatePath("/merchant/campaigns", "layout");
    return { id: campaign.id, version: campaign.currentVersion };
  },
});
