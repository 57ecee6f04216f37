"use client";

import { useActionState, useMemo } from "react";
import type { ActionState } from "@/lib/actions";
import { isNetworkFailure } from "./network-failure";

type FormAction<T> = (state: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * A server action whose request could not be sent (offline, a dropped connection) answers with
 * `message` as a refusal the form shows, instead of throwing to the error page and taking the
 * screen with it. Other errors still throw.
 */
export function offlineAware<T>(action: FormAction<T>, message: string): FormAction<T> {
  return async (state, formData) => {
    try {
      return await action(state, formData);
    } catch (error) {
      if (!isNetworkFailure(error)) throw error;
      return { ok: false, error: { code: "offline", message } };
    }
  };
}

const OFFLINE = "You’re offline. Try again once you have signal.";

/**
 * useActionState for every form of the app: a submission that cannot be sent (offline, a dropped
 * connection) shows a refusal in the form, and the page stays, instead of the error page. Typed as
 * useActionState is; every action here is made by `action()`, so its state is an ActionState.
 */
export function useFormAction<State, Payload>(
  action: (state: Awaited<State>, payload: Payload) => State | Promise<State>,
  initialState: Awaited<State>,
) {
  type Sent = (state: Awaited<State>, payload: Payload) => Promise<Awaited<State>>;
  const sent = useMemo(
    () => offlineAware(action as unknown as FormAction<unknown>, OFFLINE) as unknown as Sent,
    [action],
  );
  return useActionState(sent, initialState);
}
