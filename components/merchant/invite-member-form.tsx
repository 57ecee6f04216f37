"use client";

import { useRef } from "react";
import { useFormAction } from "@/components/pwa/offline-action";
import { inviteMemberAction } from "@/lib/actions/merchant/manage-team";
import { fieldError, formError, useFocusFirstInvalid } from "@/components/auth/action-state";
import { EmailField, Field, FormAlert, Select, SubmitButton } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/** An owner invites someone by email; the invitation arrives as a link that works for 7 days. */
export function InviteMemberForm({ merchantId }: { merchantId: string }) {
  const [state, formAction, pending] = useFormAction(inviteMemberAction, null);
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(form, state);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      {state?.ok ? <Notice tone="success">Invitation sent to {state.data.email}.</Notice> : null}
      <FormAlert message={fieldError(state, "email") ? undefined : formError(state)} />
      <input type="hidden" name="merchantId" value={merchantId} />
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem] sm:items-start">
        <EmailField
          key={state?.ok ? state.data.email : "email"}
          autoComplete="off"
          error={fieldError(state, "email")}
        />
        <Field label="Role" error={fieldError(state, "role")}>
          {(wiring) => (
            <Select {...wiring} name="role" controlSize="md" className="mt-1" defaultValue="STAFF">
              <option value="STAFF">Staff</option>
              <option value="OWNER">Owner</option>
            </Select>
          )}
        </Field>
      </div>
      <p className="text-xs text-slate-500">
        Staff confirm codes and take Nova. Owners also manage the team, offers, Square and money.
      </p>
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Send invitation
      </SubmitButton>
    </form>
  );
}
