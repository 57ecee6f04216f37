"use client";

import { useEffect } from "react";

/**
 * After "Stop", the page swaps the live panel for the outcome at its top while a phone is still
 * scrolled down to the button: go back up and put focus on the outcome's heading.
 */
export function FocusOutcome({ headingId }: { headingId: string }) {
  useEffect(() => {
    document.getElementById(headingId)?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [headingId]);
  return null;
}
