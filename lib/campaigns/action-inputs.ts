import { z } from "zod";
import { campaignFormShape, definitionFromForm } from "./form-fields";
import { withDefinitionCheck } from "./form-issues";
import type { SimulateInput } from "./simulate";

// The inputs of the campaign console's actions (admin and shop alike: the domain decides scope).

const NOT_FOUND = "That campaign was not found. Reload the page and try again.";
const id = z.string({ error: NOT_FOUND }).min(1, NOT_FOUND).max(64, NOT_FOUND);
const optionalId = z.string().max(64, "That is not a reference our pages send.").optional();

export const campaignStatusInput = z.object({
  campaignId: id,
  status: z.enum(["LIVE", "PAUSED", "ENDED"], { error: "Choose launch, pause or end." }),
});

export const campaignSwitchInput = z.object({
  campaignId: id,
  enabled: z
    .enum(["true", "false"], { error: "Choose to switch the campaign on or off." })
    .transform((v) => v === "true"),
});

const replayDays = z.coerce
  .number({ error: "Days must be a number." })
  .int({ error: "Days must be a whole number." })
  .min(1, { error: "Replay at least 1 day." })
  .max(90, { error: "Replay at most 90 days." });

/** A simulation of the form's draft (`source=draft`) or of a stored version. */
export const simulateFormInput = withDefinitionCheck(
  z.object({
    ...campaignFormShape,
    source: z.enum(["draft", "stored"], { error: "Choose to simulate the draft or a saved version." }),
    /** How many past days to replay ("days" is the form's weekdays). */
    replayDays,
    campaignId: optionalId,
    merchantId: optionalId,
    version: z.coerce
      .number({ error: "That version was not found." })
      .int({ error: "That version was not found." })
      .min(1, { error: "That version was not found." })
      .optional(),
  }),
  (v) => v.source === "draft",
);

export function simulationRequest(input: z.infer<typeof simulateFormInput>): SimulateInput {
  const { source, replayDays, campaignId, merchantId, version, ...fields } = input;
  return {
    days: replayDays,
    campaignId: campaignId || undefined,
    merchantId: merchantId || null,
    version: source === "stored" ? version : undefined,
    definition: source === "draft" ? definitionFromForm(fields) : undefined,
  };
}
