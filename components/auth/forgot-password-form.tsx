"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { requestResetAction } from "@/lib/actions/auth/request-reset";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "./action-state";
import { FormAlert, SubmitButton, EmailField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

const KEPT = ["email"] as const;

/** Asks for a reset link. The answer is the same whether or not the account exists. */
export function ForgotPasswordForm() {
  const [state, formAction, pending] = useFormAction(requestResetAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  useFocusFirstInvalid(form, state);

  if (state?.ok) {
    return (
      <Notice tone="success">
        <p className="font-medium">Check your inbox</p>
        <p className="mt-1">
          If there is a Nerava account for <span className="font-medium break-all">{state.data.sentTo}</span>, we sent
          it a link to choose a new password. It works once, for 30 minutes.
        </p>
      </Notice>
    );
  }

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      <EmailField defaultValue={values.email} error={fieldError(state, "email")} />
      <SubmitButton pending={pending} pendingLabel="Sending link…" size="lg" className="w-full">
        Email me a reset link
      </SubmitButton>
    </form>
  );
}
