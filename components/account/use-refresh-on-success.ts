"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { ActionState } from "@/lib/actions";

/**
 * Re-render the page's server data after a successful action. The account actions revalidate
 * /account only; the same panel also lives at /app/account, so refresh whichever page this is.
 */
export function useRefreshOnSuccess(state: ActionState<unknown>) {
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
}
