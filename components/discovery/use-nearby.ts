"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { NearbyResult } from "@/lib/discovery/nearby-contract";
import type { NearbyWire } from "@/lib/discovery/nearby-wire";
import { unpackNearby } from "./unpack-nearby";
import { getJson } from "@/components/driver/queries/get-json";
import { AUSTIN, discoveryKeys, nearbyParams, type Bbox, type MapFilters } from "./map-query";

/**
 * Chargers in the (rounded) box with the filters; nothing is asked while the box is unknown (the
 * map has not reported what it shows yet). The previous answer stays on screen while the next
 * loads; an answer is reused for five minutes (the data changes twice a month).
 */
export function useNearby(box: Bbox | null, filters: MapFilters) {
  const params = nearbyParams(box ?? AUSTIN, filters);
  return useQuery({
    queryKey: discoveryKeys.nearby(params),
    enabled: box !== null,
    queryFn: async ({ signal }): Promise<NearbyResult> =>
      unpackNearby(await getJson<NearbyWire>(`/api/discovery/nearby?${params}`, signal)),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
  });
}
