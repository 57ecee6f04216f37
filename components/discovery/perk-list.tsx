import { StoreIcon } from "lucide-react";
import type { NearbyPerk } from "@/lib/discovery/nearby-contract";
import { NovaAmount } from "@/components/ui/nova-amount";
import { walkText } from "./map-query";

/** The partner shops a short walk from the charger, with their live offers and Nova prices. */
export function PerkList({ perks }: { perks: NearbyPerk[] }) {
  if (perks.length === 0) return <p className="text-sm text-slate-600">No partner shops within a short walk yet.</p>;
  return (
    <ul className="space-y-3">
      {perks.map((p) => (
        <li key={p.merchantId} className="flex gap-3">
          <span
            aria-hidden="true"
            className="grid size-9 shrink-0 place-items-center rounded-lg bg-brand-50 text-brand-700"
          >
            <StoreIcon className="size-4" />
          </span>
          <div className="min-w-0 flex-1">
            <p className="font-medium break-words text-slate-900">{p.name}</p>
            <p className="text-xs text-slate-600">
              {p.category} · {walkText(p.walkMinutes)}
            </p>
            {p.offers.length > 0 ? (
              <ul aria-label={`Offers at ${p.name}`} className="mt-1.5 space-y-1">
                {p.offers.map((o) => (
                  <li key={o.id} className="flex items-baseline justify-between gap-3 text-sm">
                    <span className="min-w-0 break-words text-slate-800">{o.title}</span>
                    <NovaAmount amount={o.novaPrice} compact className="text-sm font-semibold text-slate-900" />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-xs text-slate-500">No offers right now.</p>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
