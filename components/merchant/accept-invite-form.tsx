"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { acceptInviteAction, acceptInviteWithAccountAction } from "@/lib/actions/merchant/accept-invite";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";

/** Accepts as the signed-in person (one button). The server redirects to the merchant's dashboard. */
export function AcceptInviteButton({ token, merchantName }: { token: string; merchantName: string }) {
  const [state, formAction, pending] = useFormAction(acceptInviteAction, null);
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Joining…" size="lg" className="w-full">
        Join {merchantName}
      </SubmitButton>
    </form>
  );
}

/** Someone new: a name and a password for the invited email, then they are in. */
export function AcceptInviteWithAccountForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useFormAction(acceptInviteWithAccountAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <FormAlert message={formError(state)} />
      <input type="hidden" name="token" value={token} />
      <TextField name="email" label="Email" value={email} readOnly disabled />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        maxLength={80}
        error={fieldError(state, "name")}
      />
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
        Create account and join
      </SubmitButton>
    </form>
  );
}
