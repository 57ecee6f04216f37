"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { HttpError } from "./get-json";

/** A refusal (signed out, not yours) will not change by asking again; a failure might. */
const retry = (failures: number, error: unknown) => !(error instanceof HttpError && error.status < 500) && failures < 2;

/** The driver app's query cache, one per browser tab. */
export function DriverQueryProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        // data the server just rendered is fresh: no refetch as the page mounts
        defaultOptions: { queries: { staleTime: 5_000, retry } },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
