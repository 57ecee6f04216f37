"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { resetPasswordAction } from "@/lib/actions/auth/reset-password";
import { fieldError, formError, useFocusFirstInvalid } from "./action-state";
import { AuthLink } from "./auth-link";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";

/** Sets a new password from a reset link; the server ends every session and sends you to sign in. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [state, formAction, pending] = useFormAction(resetPasswordAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  const tokenProblem = state && !state.ok && (state.error.code === "invalid_token" || state.error.fields?.token);

  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormAlert message={formError(state)}>
        {tokenProblem ? (
          <p className="mt-1">
            <AuthLink href="/forgot-password">Ask for a new link</AuthLink>
          </p>
        ) : null}
      </FormAlert>
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters. Every device signed in to this account will be signed out."
        error={fieldError(state, "password")}
      />
      <SubmitButton pending={pending} pendingLabel="Saving…" size="lg" className="w-full">
        Set new password
      </SubmitButton>
    </form>
  );
}
