"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { reverseTransactionAction } from "@/lib/actions/admin/reverse-transaction";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { TextField } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";

type ReverseFormProps = { transactionId: string; summary: string; idempotencyKey: string };

/**
 * Reverse one transaction: a reason first, then a confirm step naming what is undone. The key
 * comes from the server render, so a resubmit of this form reverses at most once anyway.
 */
export function ReverseForm({ transactionId, summary, idempotencyKey }: ReverseFormProps) {
  const [state, formAction, pending] = useFormAction(reverseTransactionAction, null);
  const [reason, setReason] = useState("");
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();
  const [reasonError, setReasonError] = useState<string>();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);

  function askToConfirm() {
    if (reason.trim().length < 3) {
      setReasonError("Say why (at least 3 characters): it goes in the ledger and the audit log.");
      form.current?.querySelector<HTMLInputElement>('input[name="reason"]')?.focus();
      return;
    }
    setReasonError(undefined);
    ask();
  }

  return (
    <form
      ref={form}
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        if (confirming) return;
        e.preventDefault(); // Enter in the reason field asks first, like the button
        askToConfirm();
      }}
    >
      <input type="hidden" name="transactionId" value={transactionId} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <TextField
        name="reason"
        label="Reason for reversing"
        type="text"
        autoComplete="off"
        required
        maxLength={200}
        readOnly={confirming}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        hint="Shown on the reversal in the ledger and kept in the audit log."
        error={reasonError ?? fieldError(state, "reason")}
      />
      {confirming ? (
        <ConfirmBox
          question={<>Reverse “{summary}”? Every line is negated in a new transaction. This cannot be undone.</>}
          confirmLabel="Reverse transaction"
          pendingLabel="Reversing…"
          pending={pending}
          onCancel={close}
          error={formError(state)}
        />
      ) : (
        <Button ref={triggerRef} variant="secondary" onClick={askToConfirm}>
          Reverse…
        </Button>
      )}
    </form>
  );
}
