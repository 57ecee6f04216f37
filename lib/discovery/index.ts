export { listChargers, type ChargerSummary } from "./list-chargers";
export { listLiveOffers, type OfferCard } from "./list-offers";
