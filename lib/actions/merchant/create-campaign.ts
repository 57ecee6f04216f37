"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { formKey } from "@/lib/validation";
import { campaignFormShape, createCampaign, definitionFromForm, withDefinitionCheck } from "@/lib/campaigns";

// The shop comes with the form; the domain call checks that the actor owns it and the trigger is a shop's.
export const createShopCampaignAction = action({
  permission: "merchant:operate",
  input: withDefinitionCheck(
    z.object({ ...campaignFormShape, merchantId: z.string().min(1).max(64), requestKey: formKey }),
  ),
  run: async ({ merchantId, requestKey, ...fields }, { actor, meta }) => {
    // the same form sent twice (its key) answers with the campaign the first one made
    const definition = definitionFromForm(fields);
    const campaign = await createCampaign(actor, { merchantId, definition, requestKey }, meta);
    revalidatePath("/merchant/campaigns");
    redirect(`/merchant/campaigns/${campaign.id}?created=1`);
  },
});
