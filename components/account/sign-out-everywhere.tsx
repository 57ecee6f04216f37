"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { signOutEverywhereAction } from "@/app/account/actions";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";

/** Two steps, because it also ends this session: the first click only asks. */
export function SignOutEverywhere() {
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, null);
  const [confirming, setConfirming] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus follows the step: onto the question when it appears, back to the button on Cancel.
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button ref={start} variant="secondary" onClick={() => setConfirming(true)}>
        Sign out everywhere
      </Button>
    );
  }

  return (
    <form action={formAction} className="w-full space-y-3 rounded-xl border border-rose-200 bg-rose-50 p-4">
      <p ref={question} tabIndex={-1} className="text-sm font-medium text-rose-900 outline-none">
        This signs you out on every device, including this one.
      </p>
      <FormAlert message={state && !state.ok ? state.error.message : undefined} />
      <div className="flex flex-wrap gap-2">
        <SubmitButton pending={pending} pendingLabel="Signing out…" variant="danger">
          Sign out everywhere
        </SubmitButton>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
