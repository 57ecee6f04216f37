export {
  changeMerchantStatus,
  changeMerchantStatusInput,
  merchantReason,
  MERCHANT_TRANSITIONS,
  type ChangeMerchantStatusInput,
  type MerchantTransition,
} from "./change-status";
export {
  listMerchants,
  listMerchantsInput,
  merchantStatuses,
  MERCHANT_PAGE_SIZE,
  type ListMerchantsInput,
  type MerchantListRow,
} from "./list-merchants";
export { getMerchantDetail, type MerchantDetail } from "./get-merchant-detail";
