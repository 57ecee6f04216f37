"use client";

import Link from "next/link";
import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { signInAction } from "@/lib/actions/auth/sign-in";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "./action-state";
import { FormAlert, SubmitButton, EmailField, TextField } from "@/components/ui/form-controls";

const KEPT = ["email"] as const;

/** Email and password. On success the server sets the session and redirects. */
export function PasswordSignInForm({ callbackUrl, forgotHref }: { callbackUrl?: string; forgotHref: string }) {
  const [state, formAction, pending] = useFormAction(signInAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  useFocusFirstInvalid(form, state);

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <EmailField defaultValue={values.email} error={fieldError(state, "email")} />
      <TextField
        name="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldError(state, "password")}
        labelAside={
          <Link href={forgotHref} className="text-sm font-medium text-brand-700 underline-offset-4 hover:underline">
            Forgot password?
          </Link>
        }
      />
      <SubmitButton pending={pending} pendingLabel="Signing in…" size="lg" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
