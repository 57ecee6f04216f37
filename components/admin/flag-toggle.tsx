"use client";

import { useEffect } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { setFlagAction } from "@/lib/actions/admin/set-flag";
import { buttonError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

type FlagToggleProps = {
  flagKey: string;
  enabled: boolean;
  /** What turning it off stops, for the confirm step. */ offMeans: string;
};

/** Turn a kill switch on (one click) or off (after a confirm step that says what stops). */
export function FlagToggle({ flagKey, enabled, offMeans }: FlagToggleProps) {
  const [state, formAction, pending] = useFormAction(setFlagAction, null);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

  useEffect(() => {
    if (state?.ok) close();
  }, [state, close]);

  const hidden = (
    <>
      <input type="hidden" name="key" value={flagKey} />
      <input type="hidden" name="enabled" value={enabled ? "false" : "true"} />
    </>
  );

  if (enabled && confirming) {
    return (
      <form action={formAction} className="w-full sm:max-w-sm">
        {hidden}
        <ConfirmBox
          question={
            <>
              Turn off {flagKey}? {offMeans}
            </>
          }
          confirmLabel="Turn off"
          pendingLabel="Turning off…"
          pending={pending}
          onCancel={close}
          error={buttonError(state)}
          size="sm"
        />
      </form>
    );
  }

  return (
    <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
      {enabled ? (
        <Button ref={triggerRef} variant="secondary" size="sm" onClick={ask}>
          Turn off<span className="sr-only"> {flagKey}</span>
        </Button>
      ) : (
        <form action={formAction}>
          {hidden}
          <SubmitButton pending={pending} pendingLabel="Turning on…" size="sm">
            Turn on<span className="sr-only"> {flagKey}</span>
          </SubmitButton>
        </form>
      )}
      {state?.ok ? (
        <span role="status" className="text-xs font-medium text-slate-600">
          Turned {state.data.enabled ? "on" : "off"}
        </span>
      ) : null}
      <FormAlert message={buttonError(state)} />
    </div>
  );
}
