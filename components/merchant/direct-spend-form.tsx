"use client";

import { useActionState, useEffect, useState } from "react";
import { directSpendAction } from "@/app/merchant/redeem/actions";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { ScanButton } from "./scan-button";

/**
 * Take an amount of Nova straight from a driver's pass, after a confirm step with the amount.
 * The key is this rendering's; after a success the page re-renders with a new one.
 */
export function DirectSpendForm({ idempotencyKey }: { idempotencyKey: string }) {
  const [state, formAction, pending] = useActionState(directSpendAction, null);
  const [pass, setPass] = useState("");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
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
      <TextField
        name="pass"
        label="Driver’s pass"
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
        controlSize="lg"
        mono
        error={passError}
      />
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
          confirmLabel={`Take ${formatNova(nova)}`}
          pendingLabel="Taking Nova…"
          pending={pending}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <Button variant="secondary" disabled={!ready} onClick={() => setConfirming(true)}>
          Take Nova…
        </Button>
      )}
    </form>
  );
}
