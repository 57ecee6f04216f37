"use client";

import { useRef, useState } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { requestLinkAction } from "@/lib/actions/auth/request-link";
import { Button } from "@/components/ui/button";
import { fieldError, formError, useFocusFirstInvalid, useKeptValues } from "./action-state";
import { FormAlert, SubmitButton, EmailField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

const KEPT = ["email"] as const;

/** Emails a single-use sign-in link, then says where it went. */
export function EmailLinkForm() {
  const [state, formAction, pending] = useFormAction(requestLinkAction, null);
  const form = useRef<HTMLFormElement>(null);
  const { values, onSubmit } = useKeptValues(KEPT);
  // "Use another address" hides this result; the next request makes a new one.
  const [dismissed, setDismissed] = useState<typeof state>(null);
  useFocusFirstInvalid(form, state);

  if (state?.ok && state !== dismissed) {
    return (
      <div className="space-y-4">
        <Notice tone="success">
          <p className="font-medium">Check your inbox</p>
          <p className="mt-1">
            We sent a link to <span className="font-medium break-all">{state.data.sentTo}</span>. It works once, for 15
            minutes.
          </p>
        </Notice>
        <p className="text-sm text-slate-600">Nothing after a minute? Check your spam folder, or send another link.</p>
        <Button variant="secondary" className="w-full" onClick={() => setDismissed(state)}>
          Use another address or send again
        </Button>
      </div>
    );
  }

  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      <EmailField
        defaultValue={values.email}
        hint="We email you a link that signs you in. No password needed."
        error={fieldError(state, "email")}
      />
      <SubmitButton pending={pending} pendingLabel="Sending link…" size="lg" className="w-full">
        Email me a sign-in link
      </SubmitButton>
    </form>
  );
}
