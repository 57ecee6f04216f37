export {
  getCashOutSetup,
  startCashOutSetup,
  refreshCashOutSetup,
  renewSetupLink,
  syncConnectedAccount,
  SETUP_REFRESH_PATH,
  SETUP_RETURN_PATH,
} from "./connected-account";
export { describeSetup, type CashOutSetup, type SetupState } from "./setup-view";
export { requestCashOut, cashOutInput, type CashOutInput } from "./request-cash-out";
export { unsafeAdvancePayout, OutcomeUnknown } from "./submit-payout";
export { unsafeReverseFailedPayout } from "./return-money";
export { unsafeSendPayoutNotice, type NoticeKind } from "./notices";
export { unsafeSweepPayouts } from "./sweep";
export { unsafeReconcilePayouts } from "./reconcile";
export { stripePlatformWebhook, stripeConnectWebhook, type StripeEvent } from "./stripe-webhooks";
export { listCashOuts, getCashOut, type CashOutRow } from "./history";
export { listPayouts, getPayoutForAdmin, listPayoutMismatches, payoutFilterInput, type PayoutFilter } from "./admin";
export { retryPayoutSubmission, returnPayoutByAdmin, payoutDecisionInput, type PayoutDecision } from "./admin-actions";
export {
  payoutLimits,
  instantFeeCents,
  businessDay,
  expectedArrivalText,
  remainingToday,
  type PayoutLimits,
} from "./policy";
export { IN_FLIGHT } from "./state";
export { formatUsd, failureInWords } from "./words";
export type { TimelineLine } from "./timeline-words";
