"use server";

import { action } from "@/lib/actions";
import { simulateCampaign, simulateFormInput, simulationRequest } from "@/lib/campaigns";

/** Replays the last N days through a stored version or the form's draft; reads only, writes nothing. */
export const simulateShopCampaignAction = action({
  permission: "merchant:operate",
  input: simulateFormInput,
  run: (input, { actor }) => simulateCampaign(actor, simulationRequest(input)),
});
