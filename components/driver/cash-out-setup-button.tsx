"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { startCashOutSetupAction } from "@/lib/actions/driver/start-cash-out-setup";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/**
 * Opens Stripe's hosted setup: the action makes a fresh single-use link and redirects there. It
 * only comes back here with an error (Stripe unreachable, say), shown above the button.
 */
export function CashOutSetupButton({ label }: { label: string }) {
  const [state, formAction, pending] = useFormAction(startCashOutSetupAction, null);
  return (
    <form action={formAction} className="space-y-3">
      <FormAlert message={formError(state)} />
      <SubmitButton pending={pending} pendingLabel="Opening Stripe…" className="w-full sm:w-auto">
        {label}
      </SubmitButton>
    </form>
  );
}
