import { ZapIcon } from "lucide-react";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import { Badge } from "@/components/ui/badge";
import { powerText, statusText } from "./map-query";

type Facts = Pick<NearbyCharger, "powerKw" | "connectors"> & { status?: NearbyCharger["status"] };

/**
 * Power, connectors and (when not open) the status: the chips under a charger's name, in the
 * map's sheet and list and on the driver home's charger cards.
 */
export function ChargerFacts({ charger, className = "mt-2" }: { charger: Facts; className?: string }) {
  const power = powerText(charger.powerKw);
  return (
    <ul aria-label="Charging" className={`${className} flex flex-wrap gap-2 text-xs`}>
      {power ? (
        <li className="inline-flex items-center gap-1 rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700">
          <ZapIcon aria-hidden="true" className="size-3.5 text-amber-500" />
          {power}
        </li>
      ) : null}
      {charger.connectors.map((c) => (
        <li key={c} className="rounded-md bg-slate-100 px-2 py-1 font-medium text-slate-700">
          {c}
        </li>
      ))}
      {charger.status !== undefined && charger.status !== "E" ? (
        <li>
          <Badge tone="warning">{statusText(charger.status)}</Badge>
        </li>
      ) : null}
    </ul>
  );
}
