"use client";

import { SKIP_WAITING_MESSAGE } from "@/lib/pwa";
import { Button } from "@/components/ui/button";
import { usePwaState } from "./pwa-store";

/** "A new version is ready — Reload": activates the waiting worker, then reloads once it controls the page. */
export function UpdatePrompt() {
  const { waitingWorker } = usePwaState();
  if (!waitingWorker) return null;

  const reload = () => {
    navigator.serviceWorker.addEventListener("controllerchange", () => window.location.reload(), { once: true });
    waitingWorker.postMessage(SKIP_WAITING_MESSAGE);
  };
  return (
    <div
      role="status"
      className="fixed inset-x-4 bottom-[calc(5rem+env(safe-area-inset-bottom))] z-50 mx-auto flex max-w-md items-center gap-3 rounded-xl bg-slate-900 px-4 py-3 text-sm text-white shadow-lg md:bottom-6"
    >
      <span className="flex-1">A new version is ready.</span>
      <Button size="sm" onClick={reload} className="bg-white text-slate-900 hover:bg-slate-100">
        Reload
      </Button>
    </div>
  );
}
