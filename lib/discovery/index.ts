export { listChargers, type ChargerSummary } from "./list-chargers";
export { listLiveOffers, type OfferCard } from "./list-offers";
export {
  nearbyQuery,
  type NearbyCharger,
  type NearbyOffer,
  type NearbyPerk,
  type NearbyQuery,
  type NearbyResult,
} from "./nearby-contract";
// TEMPORARY (issue 12): replaced by the PostgreSQL `findNearby` at merge.
export { findNearbyStandIn } from "./nearby-stand-in";
