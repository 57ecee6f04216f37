"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { sendCodeAction } from "@/lib/actions/auth/send-code";
import { verifyCodeAction } from "@/lib/actions/auth/verify-code";
import { Button } from "@/components/ui/button";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "./action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

const KEPT = ["phone"] as const;

/** Step 1: a mobile number gets a code by text. Step 2: the code signs in (the server redirects). */
export function SmsSignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [sendState, sendAction, sending] = useFormAction(sendCodeAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  // "Use another number" hides the code step; the next send makes a new result.
  const [dismissed, setDismissed] = useState<typeof sendState>(null);
  useFocusFirstInvalid(form, sendState);

  if (sendState?.ok && sendState !== dismissed) {
    return (
      <CodeStep phone={sendState.data.phone} callbackUrl={callbackUrl} onChangeNumber={() => setDismissed(sendState)} />
    );
  }

  return (
    <form ref={form} action={sendAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(sendState)} />
      <TextField
        name="phone"
        label="Mobile number"
        type="tel"
        autoComplete="tel"
        inputMode="tel"
        required
        placeholder="+1 512 555 0142"
        defaultValue={values.phone}
        hint="US numbers can skip the +1. We text you a 6-digit code; message rates may apply."
        error={fieldError(sendState, "phone")}
      />
      <SubmitButton pending={sending} pendingLabel="Sending code…" size="lg" className="w-full">
        Text me a code
      </SubmitButton>
    </form>
  );
}

function CodeStep({
  phone,
  callbackUrl,
  onChangeNumber,
}: {
  phone: string;
  callbackUrl?: string;
  onChangeNumber: () => void;
}) {
  const [resendState, resendAction, resending] = useFormAction(sendCodeAction, null);
  // Each new code starts a fresh code form, so an error about the old code does not linger.
  const [round, setRound] = useState(0);

  return (
    <div className="space-y-4">
      <Notice tone="success">
        We texted a code to <span className="font-medium whitespace-nowrap">{phone}</span>. It expires in 10 minutes.
      </Notice>
      <VerifyCodeForm key={round} phone={phone} callbackUrl={callbackUrl} />

      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-slate-100 pt-4">
        <form action={resendAction} onSubmit={() => setRound((r) => r + 1)}>
          <input type="hidden" name="phone" value={phone} />
          <SubmitButton pending={resending} pendingLabel="Sending…" variant="ghost" size="sm" className="-ml-3">
            Send a new code
          </SubmitButton>
        </form>
        <Button variant="ghost" size="sm" onClick={onChangeNumber}>
          Use another number
        </Button>
      </div>
      {resendState?.ok ? <Notice tone="info">New code sent to {phone}.</Notice> : null}
      <FormAlert message={formError(resendState)} />
    </div>
  );
}

function VerifyCodeForm({ phone, callbackUrl }: { phone: string; callbackUrl?: string }) {
  const [state, formAction, pending] = useFormAction(verifyCodeAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);

  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      <input type="hidden" name="phone" value={phone} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="code"
        label="Code from the text message"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern="[0-9]*"
        maxLength={8}
        required
        autoFocus
        className="tracking-widest"
        error={fieldError(state, "code") ?? fieldError(state, "phone")}
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…" size="lg" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
