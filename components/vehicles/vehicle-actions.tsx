"use client";

import { useFormAction } from "@/components/pwa/offline-action";
import { disconnectVehicleAction } from "@/lib/actions/driver/disconnect-vehicle";
import { refreshVehicleAction } from "@/lib/actions/driver/refresh-vehicle";
import { formError } from "@/components/auth/action-state";
import { FormAlert, SubmitButton } from "@/components/ui/form-controls";
import { Button } from "@/components/ui/button";
import { ConfirmBox, useConfirmStep } from "@/components/ui/confirm-box";
import { Notice } from "@/components/ui/notice";

type VehicleActionsProps = { vehicleId: string; carName: string };

/** "Refresh" (reads the car again, or says why it could not) and "Disconnect…" with a confirm step. */
export function VehicleActions({ vehicleId, carName }: VehicleActionsProps) {
  const [refreshed, refresh, refreshing] = useFormAction(refreshVehicleAction, null);
  const [disconnected, disconnect, disconnecting] = useFormAction(disconnectVehicleAction, null);
  const { open: confirming, ask, close, triggerRef } = useConfirmStep();

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
          <Button ref={triggerRef} variant="ghost" size="sm" onClick={ask}>
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
            confirmLabel="Disconnect car"
            pendingLabel="Disconnecting…"
            pending={disconnecting}
            cancelLabel="Keep connected"
            onCancel={close}
            error={formError(disconnected)}
            stretch
          />
        </form>
      ) : null}
    </div>
  );
}
