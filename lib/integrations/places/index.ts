export {
  createPlacesClient,
  NEARBY_TYPES,
  PLACES_FIELD_MASK,
  type PlaceHit,
  type PlacesClient,
  type PlacesClientOptions,
  type SearchNearby,
  type SearchNearbyResult,
} from "./client";
