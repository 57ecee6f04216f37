export { listChargers, type ChargerSummary } from "./list-chargers";
export { listLiveOffers, type OfferCard } from "./list-offers";
export { findNearby } from "./nearby/find-nearby";
export {
  nearbyQuery,
  type NearbyQuery,
  type NearbyResult,
  type NearbyCharger,
  type NearbyPerk,
  type NearbyOffer,
} from "./nearby-contract";
export { packNearby, type NearbyWire } from "./nearby-wire";
