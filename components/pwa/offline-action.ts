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
