import { CarIcon, ClockIcon } from "lucide-react";
import type { ReactNode } from "react";
import type { listDriverVehicles } from "@/lib/vehicles";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import { chargeStateLabel } from "./charge-state";
import { readAgo } from "./read-ago";
import { VehicleActions } from "./vehicle-actions";

export type DriverVehicle = Awaited<ReturnType<typeof listDriverVehicles>>[number];

type VehicleCardProps = {
  vehicle: DriverVehicle;
  now: Date;
  /** Where the car is in words ("At Mueller Town Center", "2.3 km from …"), when it reported a location. */
  place: string | null;
};

export const carName = (v: Pick<DriverVehicle, "year" | "make" | "model">) => `${v.year} ${v.make} ${v.model}`;

/** One connected car: its latest reading (battery, range, charging, where) and how old it is. */
export function VehicleCard({ vehicle, now, place }: VehicleCardProps) {
  const name = carName(vehicle);
  const reading = vehicle.latest;
  const battery = reading?.batteryPercent ?? null;
  const charging = reading?.chargeState === "CHARGING";

  return (
    <Card as="li" aria-labelledby={`car-${vehicle.id}`}>
      <div className="flex items-start gap-3">
        <span
          className="grid size-10 shrink-0 place-items-center rounded-xl bg-brand-50 text-brand-700"
          aria-hidden="true"
        >
          <CarIcon className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id={`car-${vehicle.id}`} className="font-semibold text-slate-900">
            {name}
          </h2>
          <p className="text-sm text-slate-600">
            {vehicle.provider === "SANDBOX" ? "Simulated car" : "Connected through Smartcar"}
          </p>
        </div>
        {charging ? <Badge tone="brand">Charging</Badge> : null}
      </div>

      {reading ? (
        <>
          <dl className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="Battery">
              {battery === null ? "—" : `${Math.round(battery)}%`}
              {battery === null ? null : (
                <span
                  className="mt-1.5 block h-1.5 w-full overflow-hidden rounded-full bg-slate-200"
                  aria-hidden="true"
                >
                  <span
                    className={`block h-full rounded-full ${battery < 20 ? "bg-rose-500" : charging ? "bg-brand-500" : "bg-slate-500"}`}
                    style={{ width: `${Math.min(100, Math.max(0, battery))}%` }}
                  />
                </span>
              )}
            </Stat>
            <Stat label="Range">
              {reading.rangeKm === null ? "—" : `${formatCount(Math.round(reading.rangeKm))} km`}
            </Stat>
            <Stat label="Charging">{chargeStateLabel(reading.chargeState, reading.pluggedIn)}</Stat>
            <Stat label="Location">
              {reading.latitude !== null && reading.longitude !== null ? (
                <>
                  {place ?? "Reported"}
                  <span className="mt-0.5 block text-xs font-normal text-slate-500 tabular-nums">
                    {reading.latitude.toFixed(4)}, {reading.longitude.toFixed(4)}
                  </span>
                </>
              ) : (
                "Not shared"
              )}
            </Stat>
          </dl>
          <p className="mt-3 flex items-center gap-1.5 text-xs text-slate-500">
            <ClockIcon className="size-3.5" />
            <span>
              Read <time dateTime={reading.capturedAt.toISOString()}>{readAgo(reading.capturedAt, now)}</time>
            </span>
          </p>
        </>
      ) : (
        <p className="mt-4 rounded-xl bg-slate-50 px-3 py-2 text-sm text-slate-600">
          No reading from this car yet. Tap Refresh to ask it now.
        </p>
      )}

      <div className="mt-4 border-t border-slate-100 pt-4">
        <VehicleActions vehicleId={vehicle.id} carName={name} />
      </div>
    </Card>
  );
}

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0 rounded-xl bg-slate-50 px-3 py-2">
      <dt className="text-xs font-medium text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm font-semibold text-slate-900">{children}</dd>
    </div>
  );
}
