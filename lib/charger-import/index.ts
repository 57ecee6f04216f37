export {
  readChargerImportRuns,
  runChargerImport,
  type ImportOptions,
  type ImportResult,
  type RegionOutcome,
  type RegionStatus,
} from "./import-chargers";
export { MAX_RADIUS_MILES, parseRegions, type ImportRegion } from "./regions";
