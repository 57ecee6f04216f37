"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { setPwaState, usePwaState } from "./pwa-store";

/**
 * "Install app", shown only when the browser offers an install (Chrome's beforeinstallprompt,
 * kept by ServiceWorker). Safari has no such offer: Share → Add to Home Screen instead.
 */
export function InstallAppButton() {
  const { installPrompt } = usePwaState();
  const [pending, setPending] = useState(false);
  if (!installPrompt) return null;

  const install = async () => {
    setPending(true);
    try {
      await installPrompt.prompt();
      await installPrompt.userChoice;
    } finally {
      // an offer can be used once; the browser sends a new one if it may ask again
      setPwaState({ installPrompt: null });
      setPending(false);
    }
  };
  return (
    <section aria-labelledby="install-heading" className="mb-8 rounded-xl border border-brand-200 bg-brand-50 p-4">
      <h2 id="install-heading" className="font-semibold text-slate-900">
        Nerava on your home screen
      </h2>
      <p className="mt-1 text-sm text-slate-700">Open it like any app, full screen, in one tap.</p>
      <Button className="mt-3" onClick={install} disabled={pending}>
        {pending ? "Installing…" : "Install app"}
      </Button>
    </section>
  );
}
