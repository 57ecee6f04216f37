import { AppError } from "@/lib/errors";
import { campaignDefinition, type CampaignDefinition } from "./definition";
import { fieldOf, sentenceFor } from "./form-issues";

/** A definition from a form or an import, parsed; the first problem is told as the form would tell it (422). */
export function parseDefinition(raw: unknown): CampaignDefinition {
  const parsed = campaignDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const sentence = sentenceFor(fieldOf(issue.path), issue);
  throw new AppError(
    "invalid_input",
    `The campaign is not valid. ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`,
  );
}

/** A stored version's definition (JSON) back to its typed form; stored rows were parsed on the way in. */
export const storedDefinition = (json: unknown): CampaignDefinition => campaignDefinition.parse(json);
