"use client";

import { useActionState } from "react";
import { checkOutAction } from "@/app/(driver)/app/charge/actions";
import { formError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

/**
 * "Stop charging" with a confirm step. On success the action revalidates the charge page,
 * which then shows the session's outcome in place of this panel.
 */
export function StopChargingButton({ sessionId, chargerName }: { sessionId: string; chargerName: string }) {
  const [state, formAction, pending] = useActionState(checkOutAction, null);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

  if (!confirming) {
    return (
      <Button ref={triggerRef} size="lg" variant="secondary" className="w-full" onClick={ask}>
        Stop charging
      </Button>
    );
  }

  return (
    <form action={formAction}>
      <input type="hidden" name="sessionId" value={sessionId} />
      <ConfirmBox
        tone="brand"
        question={`Stop charging at ${chargerName}?`}
        confirmLabel="Stop and verify"
        pendingLabel="Stopping…"
        pending={pending}
        cancelLabel="Keep charging"
        onCancel={close}
        error={formError(state)}
        stretch
      >
        <p className="text-sm text-brand-900/80">
          We’ll read your car one last time and verify the session. Unplug once you’ve stopped.
        </p>
      </ConfirmBox>
    </form>
  );
}
