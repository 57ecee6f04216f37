"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { directSpendAction } from "@/lib/actions/merchant/direct-spend";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/auth/form-controls";
import { Notice } from "@/components/auth/notice";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { monoInputClasses } from "./redeem-form";
import { ScanButton } from "./scan-button";

/**
 * Take an amount of Nova from a driver's wallet with the spend code their app shows (it pays once,
 * for about a minute), after a confirm step with the amount. The key is this rendering's; after a
 * success the page re-renders with a new one.
 */
export function DirectSpendForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, formAction, pending] = useActionState(directSpendAction, null);
  const [spendCode, setSpendCode] = useState("");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const codeError = fieldError(state, "spendCode");
  const nova = Number(amount);
  const ready = spendCode.trim().length > 0 && Number.isInteger(nova) && nova > 0;

  useEffect(() => {
    if (!state) return;
    setConfirming(false);
    if (state.ok) {
      setSpendCode("");
      setAmount("");
    }
  }, [state]);

  return (
    <form
      action={formAction}
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        if (confirming) return;
        e.preventDefault(); // Enter asks first, like the button
        if (ready) setConfirming(true);
      }}
    >
      {state?.ok ? (
        <Notice tone="success">
          <p className="text-base font-semibold">
            {state.data.replayed ? "Already taken: " : "Took "}
            <NovaAmount amount={state.data.amount} starClassName="" /> from the driver’s wallet.
          </p>
        </Notice>
      ) : null}
      <FormAlert message={codeError ? undefined : formError(state)} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Spend code
        </label>
        <input
          id={id}
          name="spendCode"
          type="text"
          value={spendCode}
          onChange={(e) => setSpendCode(e.target.value)}
          readOnly={confirming}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={120}
          placeholder="XXXX-XXXX"
          aria-invalid={codeError ? true : undefined}
          aria-describedby={codeError ? `${id}-hint ${id}-error` : `${id}-hint`}
          className={`${monoInputClasses} text-lg tracking-widest uppercase`}
        />
        {codeError ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-700">
            {codeError}
          </p>
        ) : null}
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          The driver opens My pass in the Nerava app. Each code works once, for about a minute.
        </p>
      </div>
      <ScanButton what="spend code" onScan={(value) => setSpendCode(value)} />
      <TextField
        name="amount"
        label="Amount (Nova)"
        type="number"
        inputMode="numeric"
        min={1}
        step={1}
        required
        readOnly={confirming}
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
        error={fieldError(state, "amount")}
        className="max-w-40"
      />
      {confirming ? (
        <ConfirmBox
          tone="brand"
          question={`Take ${formatNova(nova)} with this spend code? It leaves the driver’s balance at once.`}
        >
          <div className="flex flex-wrap gap-2">
            <SubmitButton pending={pending} pendingLabel="Taking Nova…">
              Take {formatNova(nova)}
            </SubmitButton>
            <Button variant="secondary" disabled={pending} onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        </ConfirmBox>
      ) : (
        <Button variant="secondary" disabled={!ready} onClick={() => setConfirming(true)}>
          Take Nova…
        </Button>
      )}
    </form>
  );
}
