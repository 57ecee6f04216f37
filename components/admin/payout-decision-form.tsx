"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import type { ActionResult, ActionState } from "@/lib/actions";
import { retryPayoutAction } from "@/lib/actions/admin/retry-payout";
import { returnPayoutAction } from "@/lib/actions/admin/return-payout";
import { useRefreshOnSuccess } from "@/components/account/use-refresh-on-success";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { TextAreaField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

type DecisionAction = (state: ActionState<unknown>, form: FormData) => Promise<ActionResult<unknown>>;

const DECISIONS = {
  retry: {
    action: retryPayoutAction as DecisionAction,
    label: "Retry submission",
    question: "Queue this payout’s next step again? Stripe gets the same idempotency keys, so nothing is sent twice.",
    pending: "Queueing…",
    done: "Queued: the job runs again shortly. Reload to see its events.",
    tone: "brand",
  },
  return: {
    action: returnPayoutAction as DecisionAction,
    label: "Return money",
    question:
      "Return the whole amount, fee included, to the driver’s wallet? Only do this when no money is on its way: a payout Stripe paid out after this is a loss.",
    pending: "Returning…",
    done: "Returned: the money is back in the driver’s available cash.",
    tone: "danger",
  },
} as const;

type PayoutDecisionFormProps = { payoutId: string; decision: keyof typeof DECISIONS };

/**
 * One admin decision on a payout: a reason (kept on the timeline and in the audit log), then a
 * confirm step. When the payout's state does not allow it, the action's refusal shows in the step.
 */
export function PayoutDecisionForm({ payoutId, decision }: PayoutDecisionFormProps) {
  const d = DECISIONS[decision];
  const [state, formAction, pending] = useFormAction(d.action, null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string>();
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);

  function askToConfirm() {
    if (reason.trim().length < 5) {
      setReasonError("Give a reason of at least 5 characters: it goes on the timeline and in the audit log.");
      form.current?.querySelector<HTMLTextAreaElement>('textarea[name="reason"]')?.focus();
      return;
    }
    setReasonError(undefined);
    ask();
  }

  if (state?.ok) return <Notice tone="success">{d.done}</Notice>;

  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="payoutId" value={payoutId} />
      <TextAreaField
        name="reason"
        label="Reason"
        rows={2}
        required
        maxLength={500}
        readOnly={confirming}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint="Kept on the payout’s timeline and in the audit log."
        error={reasonError ?? fieldError(state, "reason")}
      />
      {confirming ? (
        <ConfirmBox
          tone={d.tone}
          question={d.question}
          confirmLabel={d.label}
          pendingLabel={d.pending}
          pending={pending}
          onCancel={close}
          error={formError(state)}
        />
      ) : (
        <Button ref={triggerRef} variant="secondary" onClick={askToConfirm}>
          {d.label}…
        </Button>
      )}
    </form>
  );
}
