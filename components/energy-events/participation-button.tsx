"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { setEventParticipationAction } from "@/lib/actions/driver/set-event-participation";
import { buttonError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

/** Opt in, or back out, before the window opens (the server decides; a late click is told why). */
export function ParticipationButton({ eventId, optedIn, name }: { eventId: string; optedIn: boolean; name: string }) {
  const [state, formAction, pending] = useFormAction(setEventParticipationAction, null);
  return (
    <form action={formAction} className="mt-3 space-y-2">
      <FormAlert message={buttonError(state)} />
      <input type="hidden" name="eventId" value={eventId} />
      <input type="hidden" name="choice" value={optedIn ? "out" : "in"} />
      <SubmitButton
        pending={pending}
        pendingLabel={optedIn ? "Opting out…" : "Opting in…"}
        variant={optedIn ? "secondary" : "primary"}
        className="w-full sm:w-auto"
        aria-label={`${optedIn ? "Opt out of" : "Opt in to"} ${name}`}
      >
        {optedIn ? "Opt out" : "Opt in"}
      </SubmitButton>
    </form>
  );
}
