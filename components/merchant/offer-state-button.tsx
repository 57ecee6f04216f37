"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import type { ActionState } from "@/lib/actions";
import { formError } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { useStateChange } from "@/components/ui/use-state-change";

type StateAction = (prev: unknown, form: FormData) => Promise<NonNullable<ActionState<{ id: string }>>>;

type Props = {
  action: StateAction;
  merchantId: string;
  offerId: string;
  offerTitle: string;
  label: string;
  question: string;
  pendingLabel: string;
  tone?: "danger" | "brand";
};

/** Pause, resume or end one offer, each behind a confirmation step that says what drivers will see. */
export function OfferStateButton({
  action,
  merchantId,
  offerId,
  offerTitle,
  label,
  question,
  pendingLabel,
  tone,
}: Props) {
  const [state, formAction, pending] = useFormAction(action, null);
  const { open, ask, close, triggerRef } = useConfirmStep();
  useStateChange(state, (next) => {
    if (next?.ok) close();
  });
  if (!open)
    return (
      <Button ref={triggerRef} size="sm" variant="secondary" onClick={ask}>
        {label}
        <span className="sr-only"> {offerTitle}</span>
      </Button>
    );
  return (
    <form action={formAction} className="w-full whitespace-normal">
      <input type="hidden" name="merchantId" value={merchantId} />
      <input type="hidden" name="offerId" value={offerId} />
      <ConfirmBox
        question={question}
        tone={tone}
        confirmLabel={label}
        pendingLabel={pendingLabel}
        pending={pending}
        onCancel={close}
        error={formError(state)}
        size="sm"
      />
    </form>
  );
}
