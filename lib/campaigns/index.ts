export {
  campaignDefinition,
  campaignConditions,
  campaignLimits,
  campaignEffect,
  TRIGGERS,
  type CampaignDefinition,
  type CampaignDefinitionInput,
  type CampaignEffect,
  type Trigger,
} from "./definition";
export {
  evaluateCampaign,
  campaignDay,
  NO_USAGE,
  type TriggerEvent,
  type DriverFacts,
  type LiveCampaign,
  type CampaignUsage,
  type Award,
  type Decision,
} from "./evaluate";
export { wallClock, inWindow, localDay } from "./local-time";
export { parseDefinition, storedDefinition } from "./parse";
export { SHOP_TRIGGERS } from "./access";
export { createCampaign, type CreateCampaignInput } from "./create-campaign";
export { reviseCampaign } from "./revise-campaign";
export { setCampaignStatus, setCampaignEnabled } from "./campaign-status";
export { listCampaigns, getCampaign } from "./queries";
export { awardCampaignsInTx, driverFactsInTx, campaignAwardKey, type CampaignOutcome } from "./award";
export { awardSessionCampaignsInTx } from "./session-campaigns";
export { awardSignUpCampaignsInTx } from "./sign-up";
export { releaseHeldCampaignAwardsInTx, voidHeldCampaignAwardsInTx } from "./held-awards";
