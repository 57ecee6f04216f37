export { RULES, RULE_KEYS, MANUAL_HOLD, ruleLabel, settingOf, type RuleKey, type RuleSetting } from "./rules";
export { canonicalEmail, isDisposableEmail, normalisedPhone } from "./email";
export { findTeleports, badAccuracy, distanceKm, type Ping } from "./geo";
export type { Evidence, Finding, RelatedAccount } from "./finding";
export { findRiskSignals, unsafeEvaluateDriverRisk, evaluateDriverRiskQuietly } from "./evaluate";
export { raiseFlags } from "./raise-flags";
export { loadRuleSettings, updateRuleSetting, ruleSettingInput } from "./settings";
export { decideFlag, decideFlagInput, type DecideFlagInput } from "./decide-flag";
export { holdCashOuts, releaseHold, holdInput, type HoldInput } from "./manual-hold";
export {
  listOpenFlags,
  listDecidedFlags,
  getFlagReview,
  listDriverFlags,
  type FlagRow,
  type FlagReview,
} from "./queue";
export { getOwnReviewHold } from "./driver-hold";
export { unsafeSweepRisk } from "./sweep";
export { evaluateDriverNow, evaluateNowInput } from "./evaluate-now";
