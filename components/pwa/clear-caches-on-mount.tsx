"use client";

import { useEffect } from "react";
import { clearRuntimeCaches } from "@/lib/pwa";

/** Rendered on the page a sign-out lands on: the caches go even if the sign-out page unloaded first. */
export function ClearCachesOnMount() {
  useEffect(() => {
    void clearRuntimeCaches();
  }, []);
  return null;
}
