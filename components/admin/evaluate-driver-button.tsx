"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { evaluateDriverAction } from "@/lib/actions/admin/evaluate-driver";
import { buttonError } from "@/components/auth/action-state";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/** Runs the abuse rules over one driver now and says what they found. */
export function EvaluateDriverButton({ userId }: { userId: string }) {
  const [state, formAction, pending] = useFormAction(evaluateDriverAction, null);
  useRefreshOnSuccess(state);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton pending={pending} pendingLabel="Checking…" variant="secondary" size="sm">
        Run the rules now
      </SubmitButton>
      {state?.ok ? (
        <span role="status" className="text-sm text-slate-700">
          {state.data.found === 0
            ? "No rule found anything."
            : `${state.data.found} rule(s) found something; ${state.data.raised} new flag(s) raised.`}
        </span>
      ) : null}
      <FormAlert message={buttonError(state)} />
    </form>
  );
}
