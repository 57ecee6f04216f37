export { redeemOffer, redeemInput, HOLD_MINUTES } from "./redeem-offer";
export { confirmRedemption, confirmInput, type Confirmed } from "./confirm";
export { cancelCode, unsafeReleaseRedemption, releaseExpiredHolds } from "./release";
export { directSpend, directSpendInput, getOrCreatePass, PASS_PREFIX } from "./direct-spend";
export { formatCode, normalizeCode, newRedemptionCode } from "./code";
export { listDriverCodes, findDriverCode, listMerchantRedemptions } from "./list-codes";
