"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { disconnectVehicleAction, refreshVehicleAction } from "@/app/(driver)/app/car/actions";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox } from "@/components/ui/confirm-box";
import { Notice } from "@/components/ui/notice";

type VehicleActionsProps = { vehicleId: string; carName: string };

/** "Refresh" (reads the car again, or says why it could not) and "Disconnect…" with a confirm step. */
export function VehicleActions({ vehicleId, carName }: VehicleActionsProps) {
  const [refreshed, refresh, refreshing] = useActionState(refreshVehicleAction, null);
  const [disconnected, disconnect, disconnecting] = useActionState(disconnectVehicleAction, null);
  const [confirming, setConfirming] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // Focus returns to "Disconnect…" when the confirm step is cancelled.
  useEffect(() => {
    if (!confirming && wasConfirming.current) start.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        <form action={refresh}>
          <input type="hidden" name="vehicleId" value={vehicleId} />
          <SubmitButton variant="secondary" size="sm" pending={refreshing} pendingLabel="Reading your car…">
            Refresh<span className="sr-only"> {carName}</span>
          </SubmitButton>
        </form>
        {confirming ? null : (
          <Button ref={start} variant="ghost" size="sm" onClick={() => setConfirming(true)}>
            Disconnect…<span className="sr-only"> {carName}</span>
          </Button>
        )}
      </div>

      {refreshed?.ok && refreshed.data.stale ? (
        <Notice tone="warning">{refreshed.data.note ?? "We couldn’t reach your car; showing the last reading."}</Notice>
      ) : null}
      <FormAlert message={formError(refreshed)} />

      {confirming ? (
        <form action={disconnect}>
          <input type="hidden" name="vehicleId" value={vehicleId} />
          <ConfirmBox
            question={`Disconnect your ${carName}? Nerava stops reading it, and charging sessions can then only be confirmed by your phone.`}
          >
            <FormAlert message={formError(disconnected)} />
            <div className="flex flex-wrap gap-2">
              <SubmitButton
                pending={disconnecting}
                pendingLabel="Disconnecting…"
                variant="danger"
                className="flex-1 sm:flex-none"
              >
                Disconnect car
              </SubmitButton>
              <Button
                variant="secondary"
                disabled={disconnecting}
                onClick={() => setConfirming(false)}
                className="flex-1 sm:flex-none"
              >
                Keep connected
              </Button>
            </div>
          </ConfirmBox>
        </form>
      ) : null}
    </div>
  );
}
