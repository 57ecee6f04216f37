"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { checkOutAction } from "@/app/(driver)/app/charge/actions";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";

/**
 * "Stop charging" with a confirm step. On success the action revalidates the charge page,
 * which then shows the session's outcome in place of this panel.
 */
export function StopChargingButton({ sessionId, chargerName }: { sessionId: string; chargerName: string }) {
  const [state, formAction, pending] = useActionState(checkOutAction, null);
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (!confirming && wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button ref={start} size="lg" variant="secondary" className="w-full" onClick={() => setConfirming(true)}>
        Stop charging
      </Button>
    );
  }

  return (
    <form action={formAction}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <ConfirmBox tone="brand" question={`Stop charging at ${chargerName}?`}>
        <p className="text-sm text-brand-900/80">
          We’ll read your car one last time and verify the session. Unplug once you’ve stopped.
        </p>
        <FormAlert message={formError(state)} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending} pendingLabel="Stopping…" className="flex-1 sm:flex-none">
            Stop and verify
          </SubmitButton>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setConfirming(false)}
            className="flex-1 sm:flex-none"
          >
            Keep charging
          </Button>
        </div>
      </ConfirmBox>
    </form>
  );
}
