export { getMerchantDashboard, type MerchantDashboard } from "./get-merchant-dashboard";
export { listMerchantsForUser } from "./list-merchants-for-user";
export { currentMerchantId, findMembership } from "./current-merchant";
