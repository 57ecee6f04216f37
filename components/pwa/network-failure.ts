import { useSyncExternalStore } from "react";

// What browsers say when a request never reached us: fetch's TypeError (Chrome "Failed to fetch",
// Firefox "NetworkError…", Safari "Load failed") or a code chunk that could not load.
const NETWORK = /failed to fetch|networkerror|load failed|network request failed/i;
const CHUNK = /chunkloaderror|loading (css )?chunk .* failed|failed to load chunk|dynamically imported module/i;

const textOf = (error: unknown) => (error instanceof Error ? `${error.name} ${error.message}` : "");

/** A code chunk did not load: a reload fetches it again (a retry may reuse the failed import). */
export function isChunkFailure(error: unknown): boolean {
  return CHUNK.test(textOf(error));
}

/** The request failed on the way (offline, dropped), not on our side: the person's connection is the cause. */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
  return (error instanceof TypeError && NETWORK.test(error.message)) || isChunkFailure(error);
}

const subscribe = (changed: () => void) => {
  window.addEventListener("online", changed);
  window.addEventListener("offline", changed);
  return () => {
    window.removeEventListener("online", changed);
    window.removeEventListener("offline", changed);
  };
};

/** Whether the browser thinks it is online; true on the server (a page rendered there was reached). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}
