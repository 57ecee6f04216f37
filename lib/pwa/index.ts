export { OFFLINE_URL, RUNTIME_CACHES, SKIP_WAITING_MESSAGE } from "./cache-rules";
export { clearRuntimeCaches } from "./clear-caches";
