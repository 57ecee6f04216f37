"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { signOutEverywhereAction } from "@/lib/actions/account/sign-out-everywhere";
import { clearRuntimeCaches } from "@/lib/pwa";
import { formError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

/** Two steps, because it also ends this session: the first click only asks. */
export function SignOutEverywhere() {
  const [state, formAction, pending] = useFormAction(signOutEverywhereAction, null);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

  if (!confirming) {
    return (
      <Button ref={triggerRef} variant="secondary" onClick={ask}>
        Sign out everywhere
      </Button>
    );
  }

  return (
    <form action={formAction} onSubmit={() => void clearRuntimeCaches()} className="w-full">
      <ConfirmBox
        question="This signs you out on every device, including this one."
        confirmLabel="Sign out everywhere"
        pendingLabel="Signing out…"
        pending={pending}
        onCancel={close}
        error={formError(state)}
      />
    </form>
  );
}
