"use client";

import { useQuery } from "@tanstack/react-query";
import { ExternalLinkIcon } from "lucide-react";
import type { NearbyPlacesAnswer } from "@/lib/nearby-places/contract";
import { getJson } from "@/components/driver/queries/get-json";
import { Skeleton } from "@/components/ui/skeleton";
import { discoveryKeys, walkText } from "./map-query";

/**
 * Other places a short walk from the charger (Google Places), as a list with Google's credit —
 * never as map markers (Google's terms). Renders nothing when there is nothing to say (no key).
 */
export function NearbyPlaces({ chargerId, headingId }: { chargerId: string; headingId: string }) {
  const { data, isPending, isError } = useQuery({
    queryKey: discoveryKeys.places(chargerId),
    queryFn: ({ signal }) =>
      getJson<NearbyPlacesAnswer>(`/api/discovery/chargers/${encodeURIComponent(chargerId)}/places`, signal),
    staleTime: 5 * 60_000,
    refetchOnWindowFocus: false,
    retry: 1,
  });
  if (isPending)
    return (
      <Section headingId={headingId}>
        <div role="status" aria-busy="true" className="space-y-2">
          <span className="sr-only">Loading nearby places…</span>
          <Skeleton className="h-5 w-2/3" />
          <Skeleton className="h-5 w-1/2" />
        </div>
      </Section>
    );
  if (isError)
    return (
      <Section headingId={headingId}>
        <p className="text-sm text-slate-600">Nearby places could not be loaded right now.</p>
      </Section>
    );
  if (data.places.length === 0)
    return data.note ? (
      <Section headingId={headingId}>
        <p className="text-sm text-slate-600">{data.note}</p>
      </Section>
    ) : null;
  return (
    <Section headingId={headingId}>
      <ul className="divide-y divide-slate-100">
        {data.places.map((p) => (
          <li key={p.placeId} className="flex items-center justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="text-sm font-medium break-words text-slate-900">{p.name}</p>
              <p className="text-xs text-slate-600">
                {p.type ? `${p.type[0].toUpperCase()}${p.type.slice(1)} · ` : ""}
                {walkText(p.walkMinutes)}
              </p>
            </div>
            <a
              href={p.mapsUrl}
              target="_blank"
              rel="noopener noreferrer"
              className="inline-flex min-h-10 shrink-0 items-center gap-1 rounded-lg px-2 text-sm font-medium text-brand-700 hover:bg-brand-50"
            >
              Directions
              <ExternalLinkIcon aria-hidden="true" className="size-3.5" />
              <span className="sr-only">to {p.name} (opens Google Maps)</span>
            </a>
          </li>
        ))}
      </ul>
      {data.attribution ? <p className="mt-2 text-xs text-slate-500">Places from {data.attribution}</p> : null}
    </Section>
  );
}

function Section({ headingId, children }: { headingId: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="mt-5 border-t border-slate-100 pt-4">
      <h3 id={headingId} className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        Also nearby
      </h3>
      {children}
    </section>
  );
}
