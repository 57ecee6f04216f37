"use client";

import { checkOutAction } from "@/lib/actions/driver/check-out";
import { buttonError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

/**
 * "Stop charging" with a confirm step. Then the session and the balances (a pending reward) are
 * read again, and the charge screen shows the session's outcome in place of this panel.
 */
const INVALIDATES = [driverQueryKeys.charging, driverQueryKeys.balances];

export function StopChargingButton({ sessionId, chargerName }: { sessionId: string; chargerName: string }) {
  const [state, formAction, pending] = useInvalidatingActionState(checkOutAction, null, INVALIDATES);
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
        error={buttonError(state)}
        stretch
      >
        <p className="text-sm text-brand-900/80">
          We’ll read your car one last time and verify the session. Unplug once you’ve stopped.
        </p>
      </ConfirmBox>
    </form>
  );
}
