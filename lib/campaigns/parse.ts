import { AppError } from "@/lib/errors";
import { campaignDefinition, type CampaignDefinition } from "./definition";

/** A definition from a form or an import, parsed; the first problem is told as a sentence (422). */
export function parseDefinition(raw: unknown): CampaignDefinition {
  const parsed = campaignDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  throw new AppError("invalid_input", `The campaign is not valid. ${where}${issue.message}.`);
}

/** A stored version's definition (JSON) back to its typed form; stored rows were parsed on the way in. */
export const storedDefinition = (json: unknown): CampaignDefinition => campaignDefinition.parse(json);
