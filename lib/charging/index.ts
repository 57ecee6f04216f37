export { checkIn, recordPing, activeSessionFor, listDriverSessions, checkInInput, pingInput } from "./sessions";
export { unsafeEvaluateSession, policyFromConfig, type Outcome } from "./evaluate-session";
export { fileClaim, listOpenClaims, getClaimEvidence, decideClaim, claimInput, decideInput } from "./claims";
export { checkOut } from "./check-out";
export {
  readDriverCharging,
  OUTCOME_SHOWN_MS,
  type DriverChargingView,
  type ActiveSessionView,
  type RecentSessionView,
} from "./driver-charging";
export { previewActiveSession, pingIntervalSeconds } from "./live-verification";
