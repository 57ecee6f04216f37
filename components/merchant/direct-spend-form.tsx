"use client";

import { useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { useStateChange } from "@/components/ui/use-state-change";
import { directSpendAction } from "@/lib/actions/merchant/direct-spend";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { formatNova } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { ScanButton } from "./scan-button";

/**
 * Take an amount of Nova from a driver's wallet with the spend code their app shows (it pays once,
 * for about a minute), after a confirm step with the amount. The key is this rendering's; after a
 * success the page re-renders with a new one.
 */
export function DirectSpendForm({ merchantId, idempotencyKey }: { merchantId: string; idempotencyKey: string }) {
  const [state, formAction, pending] = useFormAction(directSpendAction, null);
  const [spendCode, setSpendCode] = useState("");
  const [amount, setAmount] = useState("");
  const [confirming, setConfirming] = useState(false);
  const codeError = fieldError(state, "spendCode");
  const nova = Number(amount);
  const ready = spendCode.trim().length > 0 && Number.isInteger(nova) && nova > 0;

  useStateChange(state, (next) => {
    if (!next) return;
    setConfirming(false);
    if (next.ok) {
      setSpendCode("");
      setAmount("");
    }
  });

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
      <input type="hidden" name="merchantId" value={merchantId} />
      <TextField
        name="spendCode"
        label="Spend code"
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
        controlSize="lg"
        mono
        className="tracking-widest uppercase"
        error={codeError}
        hint="The driver opens My pass in the Nerava app. Each code works once, for about a minute."
      />
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
