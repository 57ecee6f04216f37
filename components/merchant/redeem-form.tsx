"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import { confirmCodeAction } from "@/app/merchant/redeem/actions";
import { fieldError, formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/auth/form-controls";
import { Notice } from "@/components/auth/notice";
import { NovaAmount } from "@/components/ui/nova-amount";
import { ScanButton } from "./scan-button";

/** A tall monospace field for codes and pass numbers (add the text size and case). */
export const monoInputClasses =
  "mt-1 block h-12 w-full rounded-lg border border-slate-300 bg-white px-3 font-mono text-slate-900 shadow-sm " +
  "placeholder:font-sans placeholder:text-base placeholder:normal-case placeholder:tracking-normal placeholder:text-slate-400 " +
  "focus:border-brand-600 aria-invalid:border-rose-500 aria-invalid:bg-rose-50/40";

/**
 * Where staff type (or scan) the code a driver shows them. A confirmation stays on screen
 * until the next attempt, and the field is cleared and focused for the next customer.
 */
export function RedeemForm({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useActionState(confirmCodeAction, null);
  const [code, setCode] = useState("");
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const codeError = fieldError(state, "code");

  useEffect(() => {
    if (!state) return;
    if (state.ok) setCode("");
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
      <div>
        <label htmlFor={id} className="block text-sm font-medium text-slate-800">
          Redemption code
        </label>
        <input
          ref={input}
          id={id}
          name="code"
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
          aria-invalid={codeError ? true : undefined}
          aria-describedby={`${id}-hint${codeError ? ` ${id}-error` : ""}`}
          className={`${monoInputClasses} text-lg tracking-widest uppercase`}
        />
        {codeError ? (
          <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-700">
            {codeError}
          </p>
        ) : null}
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          The 12 characters under the driver’s QR code. Dashes and spaces are fine.
        </p>
      </div>
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
