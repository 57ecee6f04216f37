"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { campaignFormShape, createCampaign, definitionFromForm, withDefinitionCheck } from "@/lib/campaigns";

// The form's fields are checked as a definition in the input schema, so each mistake shows under its field.
export const createCampaignAction = action({
  permission: "admin:campaigns",
  input: withDefinitionCheck(z.object(campaignFormShape)),
  run: async (fields, { actor, meta }) => {
    const campaign = await createCampaign(actor, { definition: definitionFromForm(fields) }, meta);
    revalidatePath("/admin/campaigns");
    redirect(`/admin/campaigns/${campaign.id}?created=1`);
  },
});
