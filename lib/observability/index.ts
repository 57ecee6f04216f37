export { logger, requestLogger } from "./logger";
export { metrics, recordHttp } from "./metrics";
export { ensureRequestId, REQUEST_ID_HEADER } from "./request-id";
export { watchCircuit } from "./circuit-metrics";
export { inSpan, recordError } from "./tracing";
