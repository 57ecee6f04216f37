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
