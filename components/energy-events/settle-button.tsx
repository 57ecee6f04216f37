"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { settleEnergyEventAction } from "@/lib/actions/admin/settle-energy-event";
import { buttonError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { Notice } from "@/components/ui/notice";
import { useStateChange } from "@/components/ui/use-state-change";

/** "Settle now", after a confirm step: results and payments are final (each driver is paid once). */
export function SettleButton({ eventId, open }: { eventId: string; open: number }) {
  const [state, formAction, pending] = useFormAction(settleEnergyEventAction, null);
  const { open: asking, ask, close, triggerRef } = useConfirmStep();
  useStateChange(state, () => close());
  const done = state?.ok ? state.data : null;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="eventId" value={eventId} />
      {done ? <Notice tone="success">{done.summary}</Notice> : null}
      {done || open === 0 ? null : asking ? (
        <ConfirmBox
          tone="brand"
          question={`Settle ${open} open participation${open === 1 ? "" : "s"} now from the cars' telemetry? Results and payments are final.`}
          confirmLabel="Settle now"
          pendingLabel="Settling…"
          pending={pending}
          onCancel={close}
          error={buttonError(state)}
        />
      ) : (
        <Button ref={triggerRef} type="button" onClick={ask}>
          Settle now…
        </Button>
      )}
    </form>
  );
}
