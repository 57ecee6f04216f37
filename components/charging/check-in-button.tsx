"use client";

import { useActionState } from "react";
import { checkInAction } from "@/app/(driver)/app/charge/actions";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/** Starts a session at this charger; the page then shows the live panel (the action revalidates it). */
export function CheckInButton({ chargerId, chargerName }: { chargerId: string; chargerName: string }) {
  const [state, formAction, pending] = useActionState(checkInAction, null);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="chargerId" value={chargerId} />
      <FormAlert message={formError(state)} />
      <SubmitButton pending={pending} pendingLabel="Checking in…" className="w-full sm:w-auto">
        Check in here<span className="sr-only"> at {chargerName}</span>
      </SubmitButton>
    </form>
  );
}
