"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

type AutoRefreshProps = {
  everySeconds: number;
  /** Stop after this long (a result that never comes should not poll forever). */ forSeconds?: number;
};

/** Re-reads the page's server data every few seconds while the tab is visible. */
export function AutoRefresh({ everySeconds, forSeconds }: AutoRefreshProps) {
  const router = useRouter();
  useEffect(() => {
    const started = Date.now();
    const id = setInterval(() => {
      if (forSeconds !== undefined && Date.now() - started > forSeconds * 1000) clearInterval(id);
      else if (document.visibilityState === "visible") router.refresh();
    }, everySeconds * 1000);
    return () => clearInterval(id);
  }, [everySeconds, forSeconds, router]);
  return null;
}
