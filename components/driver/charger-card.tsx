import { MapPinIcon, StoreIcon } from "lucide-react";
import type { ChargerSummary } from "@/lib/discovery";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { ChargerFacts } from "@/components/discovery/charger-facts";

const offersLabel = (n: number) => (n === 0 ? "No offers yet" : n === 1 ? "1 offer" : `${n} offers`);

/** A charger with its power, connectors and the partner merchants beside it. */
export function ChargerCard({ charger }: { charger: ChargerSummary }) {
  return (
    <Card as="li">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 className="font-semibold text-slate-900">{charger.name}</h3>
          <p className="mt-0.5 flex items-start gap-1 text-sm text-slate-600">
            <MapPinIcon className="mt-0.5 size-4 shrink-0 text-slate-400" />
            <span>
              {charger.address}
              {charger.network ? <span className="text-slate-500"> · {charger.network}</span> : null}
            </span>
          </p>
        </div>
        {charger.isPartner ? <Badge tone="brand">Partner</Badge> : null}
      </div>

      <ChargerFacts charger={charger} className="mt-3" />

      {charger.merchants.length > 0 ? (
        <div className="mt-4 border-t border-slate-100 pt-3">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Beside this charger</p>
          <ul className="mt-2 space-y-2">
            {charger.merchants.map((m) => (
              <li key={m.id} className="flex items-center gap-3 text-sm">
                <span className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700">
                  <StoreIcon className="size-4" />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-medium text-slate-800">{m.name}</span>
                  <span className="block text-xs text-slate-500">{m.category}</span>
                </span>
                <Badge tone={m.activeOffers > 0 ? "brand" : "neutral"}>{offersLabel(m.activeOffers)}</Badge>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="mt-4 border-t border-slate-100 pt-3 text-sm text-slate-500">No partner merchants here yet.</p>
      )}
    </Card>
  );
}
