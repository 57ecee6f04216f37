export { recordMerchantTopUp, topUpInput, type TopUpInput } from "./record-top-up";
export { getMerchantFunding, type MerchantFunding } from "./get-funding";
