export { redeemOffer, redeemInput, HOLD_MINUTES } from "./redeem-offer";
export { confirmRedemption, confirmInput, type Confirmed } from "./confirm";
export { releaseRedemption, releaseExpiredHolds } from "./release";
export { directSpend, directSpendInput, getOrCreatePass, PASS_PREFIX } from "./direct-spend";
export { mintSpendToken, SPEND_PREFIX, SPEND_TOKEN_TTL_SECONDS, type SpendToken } from "./spend-token";
export { reportSpend, reportSpendInput, reportedSpendIds, listSpendReports, type SpendReportRow } from "./report-spend";
export { formatCode, normalizeCode, newRedemptionCode } from "./code";
export { listDriverCodes, findDriverCode, listMerchantRedemptions } from "./list-codes";
export { readDriverCodeStatus, codeStatusView, type CodeStatusView, type CodeState } from "./code-status";
