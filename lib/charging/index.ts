export { checkIn, recordPing, activeSessionFor, listDriverSessions, checkInInput, pingInput } from "./sessions";
export { unsafeEvaluateSession, policyFromConfig, type Outcome } from "./evaluate-session";
export { fileClaim, listOpenClaims, getClaimEvidence, decideClaim, claimInput, decideInput } from "./claims";
export { checkOut } from "./check-out";
