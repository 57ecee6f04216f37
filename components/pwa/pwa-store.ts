"use client";

import { useSyncExternalStore } from "react";

/** Chrome's install offer (not in the DOM typings). */
export type InstallPromptEvent = Event & {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
};

type PwaState = { installPrompt: InstallPromptEvent | null; waitingWorker: ServiceWorker | null };

let state: PwaState = { installPrompt: null, waitingWorker: null };
const listeners = new Set<() => void>();
const SERVER: PwaState = { installPrompt: null, waitingWorker: null };

/** One shared state for the registrar, the update prompt and the install button. */
export function setPwaState(patch: Partial<PwaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function usePwaState(): PwaState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => SERVER,
  );
}
