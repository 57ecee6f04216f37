"use client";

import { useEffect, useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { useStateChange } from "@/components/ui/use-state-change";
import { confirmCodeAction } from "@/lib/actions/merchant/confirm-code";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { NovaAmount } from "@/components/ui/nova-amount";
import { ScanButton } from "./scan-button";

/**
 * Where staff type (or scan) the code a driver shows them. A confirmation stays on screen
 * until the next attempt, and the field is cleared and focused for the next customer.
 */
export function RedeemForm({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useFormAction(confirmCodeAction, null);
  const [code, setCode] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const codeError = fieldError(state, "code");

  useStateChange(state, (next) => {
    if (next?.ok) setCode("");
  });
  // after each answer the cashier types the next code (or corrects this one) straight away
  useEffect(() => {
    if (!state) return;
    input.current?.focus();
    if (!state.ok) input.current?.select();
  }, [state]);

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <input type="hidden" name="merchantId" value={merchantId} />
      {state?.ok ? (
        <Notice tone="success">
          <p className="text-base font-semibold">
            Confirmed: {state.data.offerTitle} — <NovaAmount amount={state.data.nova} starClassName="" />
          </p>
          <p className="mt-0.5">Hand it over. Ready for the next code.</p>
        </Notice>
      ) : null}
      <FormAlert message={codeError ? undefined : formError(state)} />
      <TextField
        ref={input}
        name="code"
        label="Redemption code"
        type="text"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="done"
        maxLength={40}
        placeholder="XXXX-XXXX-XXXX"
        controlSize="lg"
        mono
        className="text-lg tracking-widest uppercase"
        hint="The 12 characters under the driver’s QR code. Dashes and spaces are fine."
        error={codeError}
      />
      <div className="flex flex-wrap items-start gap-2">
        <SubmitButton
          pending={pending}
          pendingLabel="Confirming…"
          size="lg"
          disabled={!code.trim()}
          className="w-full sm:w-auto"
        >
          Confirm code
        </SubmitButton>
        <ScanButton what="code" onScan={(value) => setCode(value)} />
      </div>
    </form>
  );
}
