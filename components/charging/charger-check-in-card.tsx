import { MapPinIcon, ZapIcon } from "lucide-react";
import type { ChargerSummary } from "@/lib/discovery";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { CheckInButton } from "./check-in-button";

/** A charger to check in at: where it is, what it offers, and the button. */
export function ChargerCheckInCard({ charger }: { charger: ChargerSummary }) {
  return (
    <Card as="li" className="sm:flex sm:items-center sm:justify-between sm:gap-4">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <h3 className="font-semibold text-slate-900">{charger.name}</h3>
          {charger.isPartner ? <Badge tone="brand">Partner</Badge> : null}
        </div>
        <p className="mt-0.5 flex items-start gap-1 text-sm text-slate-600">
          <MapPinIcon className="mt-0.5 size-4 shrink-0 text-slate-400" />
          <span>{charger.address}</span>
        </p>
        <p className="mt-2 flex flex-wrap gap-2 text-xs">
          {charger.powerKw ? (
            <span className="inline-flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700">
              <ZapIcon className="size-3.5 text-amber-500" />
              {charger.powerKw} kW
            </span>
          ) : null}
          {charger.network ? (
            <span className="rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700">{charger.network}</span>
          ) : null}
        </p>
      </div>
      <div className="mt-4 shrink-0 sm:mt-0">
        <CheckInButton chargerId={charger.id} chargerName={charger.name} />
      </div>
    </Card>
  );
}
