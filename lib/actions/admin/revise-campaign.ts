"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/actions";
import { formKey } from "@/lib/validation";
import { campaignFormShape, definitionFromForm, reviseCampaign, withDefinitionCheck } from "@/lib/campaigns";

export const reviseCampaignAction = action({
  permission: "admin:campaigns",
  input: withDefinitionCheck(
    z.object({ ...campaignFormShape, campaignId: z.string().min(1).max(64), requestKey: formKey }),
  ),
  run: async ({ campaignId, requestKey, ...fields }, { actor, meta }) => {
    const revised = await reviseCampaign(actor, campaignId, definitionFromForm(fields), meta, requestKey);
    revalidatePath("/admin/campaigns", "layout");
    return revised;
  },
});
