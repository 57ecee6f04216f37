export { createOffer } from "./create-offer";
export { updateOffer } from "./update-offer";
export { pauseOffer, resumeOffer, endOffer } from "./offer-state";
export { listMerchantOffers, type ManagedOffer } from "./list-merchant-offers";
export { getOfferForEdit } from "./get-offer-for-edit";
export { offerStatus, type OfferStatus } from "./offer-status";
export {
  createOfferInput,
  updateOfferInput,
  offerRefInput,
  type CreateOfferInput,
  type UpdateOfferInput,
  type OfferRef,
} from "./offer-input";
