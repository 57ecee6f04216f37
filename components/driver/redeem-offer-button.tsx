"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { redeemOfferAction } from "@/app/(driver)/app/codes/actions";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";

type RedeemOfferButtonProps = {
  offerId: string;
  offerTitle: string;
  nova: number;
  holdMinutes: number;
  idempotencyKey: string;
};

/**
 * "Redeem for ✦ N" → a confirm step saying what happens to the Nova → the action holds it and
 * opens the code page. The key is this rendering's: a double tap redeems once.
 */
export function RedeemOfferButton({ offerId, offerTitle, nova, holdMinutes, idempotencyKey }: RedeemOfferButtonProps) {
  const [state, formAction, pending] = useActionState(redeemOfferAction, null);
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus returns to the Redeem button when the confirm step is cancelled.
  useEffect(() => {
    if (!confirming && wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button ref={start} className="w-full" onClick={() => setConfirming(true)}>
        <span>
          Redeem<span className="sr-only"> {offerTitle}</span> for{" "}
          <NovaAmount amount={nova} compact starClassName="text-brand-100" />
        </span>
      </Button>
    );
  }

  return (
    <form action={formAction}>
      <input type="hidden" name="offerId" value={offerId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <ConfirmBox
        tone="brand"
        question={`Hold ${formatNova(nova)} for ${holdMinutes} minutes and show a code to the cashier?`}
      >
        <p className="text-xs text-brand-900/80">
          If the code isn’t used in time, or you cancel it, the Nova comes back to you.
        </p>
        <FormAlert message={formError(state)} />
        <div className="flex flex-wrap gap-2">
          <SubmitButton pending={pending} pendingLabel="Getting your code…" className="flex-1 sm:flex-none">
            Get my code
          </SubmitButton>
          <Button
            variant="secondary"
            disabled={pending}
            onClick={() => setConfirming(false)}
            className="flex-1 sm:flex-none"
          >
            Not now
          </Button>
        </div>
      </ConfirmBox>
    </form>
  );
}
