export { businessInput, MERCHANT_CATEGORIES, type BusinessInput } from "./business-input";
export { signUpBusinessWithAccount, addBusiness, businessWithAccountInput } from "./sign-up-business";
export { approveMerchant, rejectMerchant, approveMerchantInput, rejectMerchantInput } from "./review-merchant";
export { listPendingMerchants, type PendingMerchant } from "./list-pending";
