"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { unsubscribeAction } from "@/lib/actions/account/unsubscribe";
import { buttonError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Notice } from "@/components/ui/notice";

/**
 * One click turns the emails off (a POST: mail scanners open links, and opening the link must
 * change nothing). Signed out works; clicking again says it is already done.
 */
export function UnsubscribeForm({ token }: { token: string }) {
  const [state, formAction, pending] = useFormAction(unsubscribeAction, null);
  if (state?.ok)
    return (
      <Notice tone="success">
        <p role="status" className="font-medium">
          {state.data.alreadyOff ? "You were already unsubscribed." : "Done: you will get no more of these emails."}
        </p>
        <p className="mt-1">Notices still appear in the app. You can turn emails back on from your account page.</p>
      </Notice>
    );
  return (
    <form action={formAction} className="space-y-4">
      <FormAlert message={buttonError(state)} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Unsubscribing…" size="lg" className="w-full">
        Unsubscribe
      </SubmitButton>
    </form>
  );
}
