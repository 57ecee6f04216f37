"use client";

import { useActionState, useEffect, useId, useState } from "react";
import { directSpendAction } from "@/app/merchant/redeem/actions";
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
 * Take an amount of Nova straight from a driver's pass, after a confirm step with the amount.
 * The key is this rendering's; after a success the page re-renders with a new one.
 */
export function DirectSpendForm({ merchantId, idempotencyKey }: { merchantId: string; idempotencyKey: string }) {
  const [state, formAction, pending] = useActionState(directSpendAction, null);
  const [pass, setPass] = useState("");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const id = useId();
  const passError = fieldError(state, "pass");
  const nova = Number(amount);
  const ready = pass.trim().length > 0 && Number.isInteger(nova) && nova > 0;

  useEffect(() => {
    if (!state) return;
    setConfirming(false);
    if (state.ok) {
      setPass("");
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
            <NovaAmount amount={state.data.amount} starClassName="" /> from the pass.
          </p>
        </Notice>
      ) : null}
      <FormAlert message={passError ? undefined : formError(state)} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="merchantId" value={merchantId} />
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Driver’s pass
        </label>
        <input
          id={id}
          name="pass"
          type="text"
          value={pass}
          onChange={(e) => setPass(e.target.value)}
          readOnly={confirming}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={120}
          placeholder="Scan the pass or paste its number"
          aria-invalid={passError ? true : undefined}
          aria-describedby={passError ? `${id}-error` : undefined}
          className={`${monoInputClasses} text-base`}
        />
        {passError ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-700">
            {passError}
          </p>
        ) : null}
      </div>
      <ScanButton what="pass" onScan={(value) => setPass(value)} />
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
          question={`Take ${formatNova(nova)} from this pass? It leaves the driver’s balance at once.`}
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
