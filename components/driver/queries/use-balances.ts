"use client";

import { useQuery } from "@tanstack/react-query";
import type { DriverBalancesView } from "@/lib/ledger";
import { getJson } from "./get-json";
import { driverQueryKeys } from "./keys";
import { balancesPollMs } from "./poll";

/** The driver's Nova and cash balances, polled while some of it is held or pending. */
export function useBalances() {
  return useQuery({
    queryKey: driverQueryKeys.balances,
    queryFn: ({ signal }) => getJson<DriverBalancesView>("/api/me/balances", signal),
    refetchInterval: (query) => balancesPollMs(query.state.data),
  });
}
