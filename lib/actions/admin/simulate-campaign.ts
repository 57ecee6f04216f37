"use server";

import { action } from "@/lib/actions";
import { simulateCampaign, simulateFormInput, simulationRequest } from "@/lib/campaigns";

/** Replays the last N days through a stored version or the form's draft; reads only, writes nothing. */
export const simulateCampaignAction = action({
  permission: "admin:campaigns",
  input: simulateFormInput,
  run: (input, { actor }) => simulateCampaign(actor, simulationRequest(input)),
});
