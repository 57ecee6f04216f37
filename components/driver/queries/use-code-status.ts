"use client";

import { useQuery } from "@tanstack/react-query";
import type { CodeStatusView } from "@/lib/merchants";
import { getJson } from "./get-json";
import { driverQueryKeys } from "./keys";
import { codePollMs } from "./poll";

/** One of the driver's codes: its countdown and whether the cashier has used it, polled while it is live. */
export function useCodeStatus(codeId: string) {
  return useQuery({
    queryKey: driverQueryKeys.code(codeId),
    queryFn: ({ signal }) => getJson<CodeStatusView>(`/api/me/codes/${encodeURIComponent(codeId)}`, signal),
    refetchInterval: (query) => codePollMs(query.state.data),
  });
}
