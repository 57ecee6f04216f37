"use client";

import { redeemOfferAction } from "@/lib/actions/driver/redeem-offer";
import { buttonError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";

// the Nova moves to held (the action then opens the code page)
const INVALIDATES = [driverQueryKeys.balances];

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
  const [state, formAction, pending] = useInvalidatingActionState(redeemOfferAction, null, INVALIDATES);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

  if (!confirming) {
    return (
      <Button ref={triggerRef} className="w-full" onClick={ask}>
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
        confirmLabel="Get my code"
        pendingLabel="Getting your code…"
        pending={pending}
        cancelLabel="Not now"
        onCancel={close}
        error={buttonError(state)}
        stretch
      >
        <p className="text-xs text-brand-900/80">
          If the code isn’t used in time, or you cancel it, the Nova comes back to you.
        </p>
      </ConfirmBox>
    </form>
  );
}
