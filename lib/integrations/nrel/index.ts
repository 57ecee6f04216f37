export {
  createNrelClient,
  type NearestPage,
  type NearestQuery,
  type NearestResult,
  type NrelClient,
  type NrelClientOptions,
} from "./client";
export { CONNECTOR_NAMES, DC_FAST_KW, LEVEL2_KW, externalIdOf, parseStation, type StationRow } from "./station";
