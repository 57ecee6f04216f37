"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { revokeSessionAction } from "@/lib/actions/account/revoke-session";
import { SubmitButton } from "@/components/ui/form-controls";
import { useRefreshOnSuccess } from "./use-refresh-on-success";

/** Ends one of your other sessions. `device` names it for screen readers ("Sign out Chrome on Android"). */
export function RevokeSessionButton({ sessionId, device }: { sessionId: string; device: string }) {
  const [state, formAction, pending] = useFormAction(revokeSessionAction, null);
  useRefreshOnSuccess(state);

  if (state?.ok) {
    return (
      <p role="status" className="text-sm font-medium text-slate-500">
        Signed out
      </p>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-start gap-1 sm:items-end">
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton pending={pending} pendingLabel="Signing out…" variant="secondary" size="sm">
        Sign out<span className="sr-only"> {device}</span>
      </SubmitButton>
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-rose-700">
          {state.error.message}
        </span>
      ) : null}
    </form>
  );
}
