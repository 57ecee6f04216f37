"use client";

import { checkInAction } from "@/lib/actions/driver/check-in";
import { buttonError } from "@/components/auth/action-state";
import { driverQueryKeys } from "@/components/driver/queries/keys";
import { useInvalidatingActionState } from "@/components/driver/queries/use-invalidation";
import { offlineAware } from "@/components/pwa/offline-action";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";

const INVALIDATES = [driverQueryKeys.charging];
// offline, the check-in says so where it was tapped (the sheet stays open) instead of the error page
const checkIn = offlineAware(checkInAction, "You’re offline. Check in once you have signal.");

/** Starts a session at this charger; the charge screen then shows the live panel. */
export function CheckInButton({ chargerId, chargerName }: { chargerId: string; chargerName: string }) {
  const [state, formAction, pending] = useInvalidatingActionState(checkIn, null, INVALIDATES);
  return (
    <form action={formAction} className="space-y-2">
      <input type="hidden" name="chargerId" value={chargerId} />
      <FormAlert message={buttonError(state)} />
      <SubmitButton pending={pending} pendingLabel="Checking in…" className="w-full sm:w-auto">
        Check in here<span className="sr-only"> at {chargerName}</span>
      </SubmitButton>
    </form>
  );
}
