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
export {
  campaignFormShape,
  definitionFromForm,
  formFromDefinition,
  EFFECT_SLOTS,
  type CampaignFormValues,
} from "./form-fields";
export { checkCampaignForm, withDefinitionCheck, type CheckedForm } from "./form-issues";
export { describeCampaign, describeEffect, TRIGGER_WORDS, type CampaignWords } from "./describe";
export { replayCampaign, type Replay, type DriverEarnings } from "./replay";
export { simulateCampaign, SIMULATION_MAX_DAYS, type SimulateInput, type Simulation } from "./simulate";
export {
  listCampaignSummaries,
  listCampaignAwards,
  listUnlockableOffers,
  type CampaignSummary,
  type CampaignAwardRow,
  type UnlockableOffer,
} from "./console-queries";
export { campaignStatusInput, campaignSwitchInput, simulateFormInput, simulationRequest } from "./action-inputs";
