"use client";

import { useEffect } from "react";
import { setPwaState, type InstallPromptEvent } from "./pwa-store";
import { UpdatePrompt } from "./update-prompt";

/**
 * Registers /sw.js (production builds only: `npm run build` makes it), notices a new version
 * waiting and keeps the browser's install offer for the account page's "Install app" button.
 * Mounted by the driver app's layout only.
 */
export function ServiceWorker() {
  useEffect(() => {
    const keepOffer = (event: Event) => {
      event.preventDefault();
      setPwaState({ installPrompt: event as InstallPromptEvent });
    };
    const installed = () => setPwaState({ installPrompt: null });
    window.addEventListener("beforeinstallprompt", keepOffer);
    window.addEventListener("appinstalled", installed);
    if (!("serviceWorker" in navigator)) return;

    if (process.env.NODE_ENV !== "production") {
      // a worker left by an earlier `next start` on this origin would serve stale dev files
      void navigator.serviceWorker.getRegistrations().then((rs) => rs.forEach((r) => void r.unregister()));
      return;
    }
    let registration: ServiceWorkerRegistration | undefined;
    const checkForUpdate = () => {
      if (document.visibilityState === "visible") void registration?.update().catch(() => undefined);
    };
    navigator.serviceWorker
      .register("/sw.js", { scope: "/", updateViaCache: "none" })
      .then((reg) => {
        registration = reg;
        // a worker is "waiting" only when an older one controls this page: that is an update
        const offer = (worker: ServiceWorker | null) => {
          if (worker && navigator.serviceWorker.controller) setPwaState({ waitingWorker: worker });
        };
        offer(reg.waiting);
        reg.addEventListener("updatefound", () => {
          const installing = reg.installing;
          installing?.addEventListener("statechange", () => {
            if (installing.state === "installed") offer(installing);
          });
        });
      })
      .catch(() => undefined); // no worker: the app still works online
    document.addEventListener("visibilitychange", checkForUpdate);
    return () => {
      window.removeEventListener("beforeinstallprompt", keepOffer);
      window.removeEventListener("appinstalled", installed);
      document.removeEventListener("visibilitychange", checkForUpdate);
    };
  }, []);

  return <UpdatePrompt />;
}
