"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { setEmailNoticesAction } from "@/lib/actions/account/set-email-notices";
import { buttonError } from "@/components/auth/action-state";
import { Card } from "@/components/ui/card";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/** The driver's choice of email copies of their notices: off until they turn it on. */
export function EmailNoticesForm({ email }: { email: boolean }) {
  const [state, formAction, pending] = useFormAction(setEmailNoticesAction, null);
  const on = state?.ok ? state.data.email : email;
  return (
    <Card as="section" aria-labelledby="email-notices-title" id="email-notices" className="mt-6">
      <h2 id="email-notices-title" className="text-lg font-semibold text-slate-900">
        Email about campaigns and events
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        {on
          ? "On: we email you when a campaign or an energy event applies to you. Every email has a one-click unsubscribe."
          : "Off: you see campaigns and energy events in the app only."}
      </p>
      <form action={formAction} className="mt-3 space-y-2">
        <FormAlert message={buttonError(state)} />
        <input type="hidden" name="email" value={on ? "off" : "on"} />
        <SubmitButton pending={pending} pendingLabel="Saving…" variant={on ? "secondary" : "primary"}>
          {on ? "Turn emails off" : "Turn emails on"}
        </SubmitButton>
      </form>
    </Card>
  );
}
