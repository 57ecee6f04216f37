import { MapPinIcon } from "lucide-react";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { CheckInButton } from "@/components/charging/check-in-button";
import { ChargerFacts } from "./charger-facts";

const perksLine = (c: NearbyCharger) => {
  const offers = c.perks.reduce((n, p) => n + p.offers.length, 0);
  if (c.perks.length === 0) return null;
  const shops = c.perks.length === 1 ? "1 partner shop" : `${c.perks.length} partner shops`;
  return `${shops} nearby · ${offers === 1 ? "1 offer" : `${offers} offers`}`;
};

/** The map's chargers as a list (the same answer and filters): what screen readers and keyboards use. */
export function ChargerList({ chargers, onOpen }: { chargers: NearbyCharger[]; onOpen: (c: NearbyCharger) => void }) {
  return (
    <ul aria-label="Chargers in this area" className="space-y-3">
      {chargers.map((c) => {
        const perks = perksLine(c);
        return (
          <Card as="li" key={c.id}>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <h3 className="font-semibold break-words text-slate-900">{c.name}</h3>
              {c.isPartner ? <Badge tone="brand">Partner</Badge> : null}
            </div>
            <p className="mt-0.5 flex items-start gap-1 text-sm text-slate-600">
              <MapPinIcon aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-slate-400" />
              <span className="break-words">
                {c.address}
                {c.network ? <span className="text-slate-500"> · {c.network}</span> : null}
              </span>
            </p>
            <ChargerFacts charger={c} />
            {perks ? <p className="mt-2 text-sm font-medium text-brand-800">{perks}</p> : null}
            <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-start">
              <Button variant="secondary" onClick={() => onOpen(c)} className="w-full sm:w-auto">
                Details and perks<span className="sr-only"> for {c.name}</span>
              </Button>
              {c.status === "E" ? <CheckInButton chargerId={c.id} chargerName={c.name} /> : null}
            </div>
          </Card>
        );
      })}
    </ul>
  );
}
