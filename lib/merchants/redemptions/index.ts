export { redeemOffer, redeemInput, HOLD_MINUTES } from "./redeem-offer";
export { confirmRedemption, confirmInput, type Confirmed } from "./confirm";
export { cancelCode, unsafeReleaseRedemption, releaseExpiredHolds } from "./release";
export { directSpend, directSpendInput } from "./direct-spend";
// the pass lives in lib/wallet; re-exported for callers that met it here first
export { getOrCreatePass, PASS_PREFIX } from "@/lib/wallet";
export { mintSpendToken, SPEND_PREFIX, SPEND_TOKEN_TTL_SECONDS, type SpendToken } from "./spend-token";
export { reportSpend, reportSpendInput, reportedSpendIds, listSpendReports, type SpendReportRow } from "./report-spend";
export { formatCode, normalizeCode, newRedemptionCode } from "./code";
export { listDriverCodes, findDriverCode, listMerchantRedemptions } from "./list-codes";
export { readDriverCodeStatus, codeStatusView, type CodeStatusView, type CodeState } from "./code-status";
export { merchantIdInput } from "./merchant-id";
