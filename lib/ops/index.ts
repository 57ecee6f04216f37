export { checkReadiness, type Readiness } from "./readiness";
export { versionInfo } from "./version";
export { canReadMetrics } from "./metrics-access";
