"use client";

import { useQuery } from "@tanstack/react-query";
import type { DriverChargingView } from "@/lib/charging";
import { getJson } from "./get-json";
import { driverQueryKeys } from "./keys";
import { chargingPollMs } from "./poll";

/** The driver's charging session in progress (or the one that just ended), polled while it can change. */
export function useActiveSession() {
  return useQuery({
    queryKey: driverQueryKeys.charging,
    queryFn: ({ signal }) => getJson<DriverChargingView>("/api/me/charging/active", signal),
    refetchInterval: (query) => chargingPollMs(query.state.data),
  });
}
