"use client";

import Link from "next/link";
import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { recordTopUpAction } from "@/lib/actions/admin/record-top-up";
import { fieldError, formError } from "@/components/auth/action-state";
import { parseDollars } from "@/components/driver/cash-out-amount";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { FormAlert, TextField } from "@/components/ui/form-controls";
import { formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { useStateChange } from "@/components/ui/use-state-change";

/** Admin: a merchant's payment (amount and its reference) becomes their prepaid cash, after a confirmation. */
export function TopUpForm({ merchantId, merchantName }: { merchantId: string; merchantName: string }) {
  const [state, formAction, pending] = useFormAction(recordTopUpAction, null);
  const { open, ask, close, triggerRef } = useConfirmStep();
  const [amount, setAmount] = useState("");
  const [reference, setReference] = useState("");
  const parsed = parseDollars(amount);
  const cents = "cents" in parsed ? parsed.cents : null;
  useStateChange(state, (next) => {
    close();
    if (next?.ok) {
      setAmount("");
      setReference("");
    }
  });
  const done = state?.ok ? state.data : null;

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <div aria-live="polite">
        {done ? (
          <Notice tone="success">
            <p className="font-medium">
              {done.replayed ? "Already recorded: " : "Recorded: "}
              {formatUsd(done.amountCents)} for {done.merchantName}.
            </p>
            <Link href={`/admin/ledger/${done.transactionId}`} className="font-medium underline underline-offset-4">
              View the transaction
            </Link>
          </Notice>
        ) : null}
      </div>
      <FormAlert message={formError(state)} />
      <input type="hidden" name="merchantId" value={merchantId} />
      {/* what is sent: the fields below are disabled while the confirmation is open */}
      <input type="hidden" name="amountCents" value={cents ?? ""} />
      <input type="hidden" name="reference" value={reference} />
      <fieldset disabled={open || pending} className="grid gap-4 sm:grid-cols-2">
        <TextField
          name="amount"
          label="Amount received (US dollars)"
          inputMode="decimal"
          autoComplete="off"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
          error={("error" in parsed && amount.trim() ? parsed.error : undefined) ?? fieldError(state, "amountCents")}
        />
        <TextField
          name="referenceText"
          label="Payment reference"
          hint="The bank transfer or invoice number; the same reference is recorded once."
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={fieldError(state, "reference")}
        />
      </fieldset>
      {open && cents ? (
        <ConfirmBox
          tone="brand"
          question={`Record ${formatUsd(cents)} from ${merchantName} (ref. ${reference.trim()}) as prepaid cash?`}
          confirmLabel="Record top-up"
          pendingLabel="Recording…"
          pending={pending}
          onCancel={close}
        />
      ) : (
        <Button
          ref={triggerRef}
          type="button"
          variant="secondary"
          onClick={ask}
          disabled={!cents || reference.trim().length < 3}
        >
          Record top-up…
        </Button>
      )}
    </form>
  );
}
