"use client";

import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";

/**
 * useFormAction (offline-aware useActionState) for an action that changes live data: once the action settles, whatever the
 * outcome (a refused cancel may mean the cashier just used the code; a redirect still moved the
 * Nova), the queries it touches are read again.
 */
export function useInvalidatingActionState<State, Payload>(
  action: (state: Awaited<State>, payload: Payload) => State | Promise<State>,
  initialState: Awaited<State>,
  invalidates: readonly QueryKey[],
) {
  const queryClient = useQueryClient();
  return useFormAction(async (state: Awaited<State>, payload: Payload): Promise<Awaited<State>> => {
    try {
      return await action(state, payload);
    } finally {
      for (const queryKey of invalidates) void queryClient.invalidateQueries({ queryKey });
    }
  }, initialState);
}

/**
 * Reads `queryKey` again when `signal` changes after the first render: a resource reached a
 * state that moves money elsewhere (a code redeemed, a session verified), so the balances move.
 */
export function useInvalidateOnChange(signal: string, queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const previous = useRef(signal);
  useEffect(() => {
    if (previous.current === signal) return;
    previous.current = signal;
    void queryClient.invalidateQueries({ queryKey });
  }, [signal, queryKey, queryClient]);
}
