export { getMerchantDashboard, type MerchantDashboard } from "./get-merchant-dashboard";
export {
  listMyMerchants,
  resolveWorkingMerchant,
  selectWorkingMerchant,
  MERCHANT_COOKIE,
  merchantCookieOptions,
  type MerchantChoice,
  type WorkingMerchant,
} from "./working-merchant";
export * from "./redemptions";
export * from "./onboarding";
export * from "./team";
export * from "./admin";
