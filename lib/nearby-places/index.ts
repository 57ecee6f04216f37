export type { NearbyPlace, NearbyPlacesAnswer } from "./contract";
export {
  COORDINATES_KEEP_DAYS,
  createPlacesLister,
  purgeExpiredPlaceCoordinates,
  type PlacesListerOptions,
} from "./list-nearby-places";
export { listNearbyPlaces, PLACES_HOLD_MINUTES, PLACES_RADIUS_METERS } from "./default-lister";
