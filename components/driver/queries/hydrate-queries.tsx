import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";

type Entry = readonly [QueryKey, unknown];

/**
 * Server side: hands what the page already read to the client's query cache, so the page
 * renders with it and the hooks poll from there. Data newer than the cache's replaces it, so a
 * re-render after an action brings the cache up to date.
 */
export function HydrateQueries({ entries, children }: { entries: Entry[]; children: ReactNode }) {
  const client = new QueryClient();
  for (const [queryKey, data] of entries) client.setQueryData(queryKey, data);
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
