"use client";

import { cancelCodeAction } from "@/lib/actions/driver/cancel-code";
import { buttonError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";

/** "Cancel and return Nova", with a confirm step: the code stops working at once, and the Nova is back. */
export function CancelCodeButton({ codeId, nova }: { codeId: string; nova: number }) {
  const [state, formAction, pending] = useInvalidatingActionState(cancelCodeAction, null, [
    driverQueryKeys.code(codeId),
    driverQueryKeys.balances,
  ]);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

  if (!confirming) {
    return (
      <Button ref={triggerRef} variant="secondary" className="w-full" onClick={ask}>
        Cancel and return Nova
      </Button>
    );
  }

  return (
    <form action={formAction}>
      <input type="hidden" name="codeId" value={codeId} />
      <ConfirmBox
        question={`Cancel this code and put ${formatNova(nova)} back in your wallet? The cashier won’t be able to use it.`}
        confirmLabel="Cancel code"
        pendingLabel="Cancelling…"
        pending={pending}
        cancelLabel="Keep code"
        onCancel={close}
        error={buttonError(state)}
        stretch
      />
    </form>
  );
}
