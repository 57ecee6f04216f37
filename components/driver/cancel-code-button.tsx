"use client";

import { useActionState, useState } from "react";
import { cancelCodeAction } from "@/app/(driver)/app/codes/actions";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";

/** "Cancel and return Nova", with a confirm step: the code stops working at once. */
export function CancelCodeButton({ codeId, nova }: { codeId: string; nova: number }) {
  const [state, formAction, pending] = useActionState(cancelCodeAction, null);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <Button variant="secondary" className="w-full" onClick={() => setConfirming(true)}>
        Cancel and return Nova
      </Button>
    );
  }

  return (
    <form action={formAction}>
      <input type="hidden" name="codeId" value={codeId} />
      <ConfirmBox
        question={`Cancel this code and put ${formatNova(nova)} back in your wallet? The cashier won’t be able to use it.`}
      >
        <FormAlert message={formError(state)} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending} pendingLabel="Cancelling…" variant="danger" className="flex-1 sm:flex-none">
            Cancel code
          </SubmitButton>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setConfirming(false)}
            className="flex-1 sm:flex-none"
          >
            Keep code
          </Button>
        </div>
      </ConfirmBox>
    </form>
  );
}
