"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { connectSquareAction, disconnectSquareAction } from "@/lib/actions/merchant/square";
import { formError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/** Off to Square's consent page: the action makes a fresh signed state and redirects there. */
export function SquareConnectButton({ merchantId, label }: { merchantId: string; label: string }) {
  const [state, formAction, pending] = useFormAction(connectSquareAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="merchantId" value={merchantId} />
      <FormAlert message={formError(state)} />
      <SubmitButton pending={pending} pendingLabel="Opening Square…" className="w-full sm:w-auto">
        {label}
      </SubmitButton>
    </form>
  );
}

/** Disconnect after a confirm step that says what stops. */
export function SquareDisconnect({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useFormAction(disconnectSquareAction, null);
  const { open, ask, close, triggerRef } = useConfirmStep();
  if (!open) {
    return (
      <div className="space-y-3">
        <FormAlert message={formError(state)} />
        <Button ref={triggerRef} variant="secondary" onClick={ask} className="w-full sm:w-auto">
          Disconnect Square…
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction}>
      <input type="hidden" name="merchantId" value={merchantId} />
      <ConfirmBox
        question="Disconnect Square? Nerava stops seeing your sales, so purchases made from now on earn drivers no rewards until you connect again."
        confirmLabel="Disconnect"
        pendingLabel="Disconnecting…"
        pending={pending}
        onCancel={close}
        error={formError(state)}
        stretch
      />
    </form>
  );
}
