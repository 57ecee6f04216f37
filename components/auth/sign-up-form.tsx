"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { signUpAction } from "@/lib/actions/auth/sign-up";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "./action-state";
import { FormAlert, SubmitButton, EmailField, TextField } from "@/components/ui/form-controls";

const KEPT = ["name", "email"] as const;

/** Creates a driver account with a password and signs it in (the server redirects). */
export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, formAction, pending] = useFormAction(signUpAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  useFocusFirstInvalid(form, state);

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <TextField
        name="name"
        label="Name"
        type="text"
        autoComplete="name"
        required
        maxLength={80}
        defaultValue={values.name}
        error={fieldError(state, "name")}
      />
      <EmailField defaultValue={values.email} error={fieldError(state, "email")} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. A few unrelated words work well."
        error={fieldError(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel="Creating account…" size="lg" className="w-full">
        Create account
      </SubmitButton>
    </form>
  );
}
