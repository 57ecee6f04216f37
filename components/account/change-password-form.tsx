"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { changePasswordAction } from "@/lib/actions/account/change-password";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { FormAlert, SubmitButton, TextField } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";
import { useRefreshOnSuccess } from "./use-refresh-on-success";

/** Changes the password; the server keeps this session and ends every other one. */
export function ChangePasswordForm({ email }: { email: string | null }) {
  const [state, formAction, pending] = useFormAction(changePasswordAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  useRefreshOnSuccess(state);

  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      {state?.ok ? (
        <Notice tone="success">Password changed. Other devices were signed out ({state.data.endedSessions}).</Notice>
      ) : null}
      <FormAlert message={formError(state)} />
      {/* Lets password managers file the new password under the right account; not submitted. */}
      {email ? <input type="email" autoComplete="username" value={email} readOnly hidden /> : null}
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        hint="Leave empty if you have never set one (you sign in with a link, a code or Google)."
        error={fieldError(state, "currentPassword")}
      />
      <TextField
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 10 characters."
        error={fieldError(state, "newPassword")}
      />
      <SubmitButton pending={pending} pendingLabel="Changing password…">
        Change password
      </SubmitButton>
    </form>
  );
}
