"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { formKey } from "@/lib/validation";
import { campaignFormShape, createCampaign, definitionFromForm, withDefinitionCheck } from "@/lib/campaigns";

// The form's fields are checked as a definition in the input schema, so each mistake shows under its field.
export const createCampaignAction = action({
  permission: "admin:campaigns",
  input: withDefinitionCheck(z.object({ ...campaignFormShape, requestKey: formKey })),
  run: async ({ requestKey, ...fields }, { actor, meta }) => {
    // the same form sent twice (its key) answers with the campaign the first one made
    const campaign = await createCampaign(actor, { definition: definitionFromForm(fields), requestKey }, meta);
    revalidatePath("/admin/campaigns");
    redirect(`/admin/campaigns/${campaign.id}?created=1`);
  },
});
