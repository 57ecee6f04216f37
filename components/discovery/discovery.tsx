"use client";

import { LocateFixedIcon, PlugIcon, SlidersHorizontalIcon } from "lucide-react";
import { useRef, useState, type ReactNode } from "react";
import type { NearbyCharger, NearbyResult } from "@/lib/discovery/nearby-contract";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { SectionHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { ChargerList } from "./charger-list";
import { ChargerMap } from "./charger-map";
import { ChargerSheet } from "./charger-sheet";
import { FilterBar } from "./filter-bar";
import { AUSTIN, countActiveFilters, mergeNetworks, NO_FILTERS, type Bbox, type MapTarget } from "./map-query";
import { NearbyError } from "./nearby-error";
import { MapNoChargers, noChargersText } from "./no-chargers";
import { PlaceSearch } from "./place-search";
import { ResultLine } from "./result-line";
import { useNearby } from "./use-nearby";
import { usePosition, type Position } from "./use-position";
import { ViewSwitch, type DiscoveryView } from "./view-switch";

type DiscoveryProps = {
  initialView: DiscoveryView;
  tileUrl: string;
  tileAttribution: string;
  /** Shown under the heading (the car notice). */
  intro?: ReactNode;
};

/** About 3 km each way: the list's area around the driver when they ask for "near me" without the map. */
const boxAround = (p: Position): Bbox => ({
  south: p.latitude - 0.03,
  north: p.latitude + 0.03,
  west: p.longitude - 0.035,
  east: p.longitude + 0.035,
});

/** The charge tab's chargers: search, filters, a map or a list of the same answer, and a sheet per charger. */
export function Discovery({ initialView, tileUrl, tileAttribution, intro }: DiscoveryProps) {
  const [view, setView] = useState(initialView);
  const [filters, setFilters] = useState(NO_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const activeFilters = countActiveFilters(filters);
  // the map's first view is AUSTIN, but its box is the one it reports once loaded (its own shape):
  // asking for AUSTIN first would be a request the map replaces at once
  const [box, setBox] = useState<Bbox | null>(initialView === "list" ? AUSTIN : null);
  const [selected, setSelected] = useState<NearbyCharger | null>(null);
  const [target, setTarget] = useState<MapTarget | null>(null);
  const { status: where, locate } = usePosition();
  const query = useNearby(box, filters);
  const chargers = query.data?.chargers ?? [];
  // failed and not being asked again: no loading line, no empty state, the alert says why
  const failed = query.isError && !query.isFetching;
  const empty = query.data !== undefined && chargers.length === 0 && !failed;

  // networks from every answer so far, so choosing one keeps the others on offer
  const [networks, setNetworks] = useState<string[]>([]);
  const [seen, setSeen] = useState<NearbyResult | undefined>(undefined);
  if (query.data && query.data !== seen) {
    setSeen(query.data);
    setNetworks(mergeNetworks(networks, query.data.chargers));
  }

  // what opened the sheet (a marker, a list button, the search box): focus returns there
  const opener = useRef<HTMLElement | null>(null);
  const open = (c: NearbyCharger, from?: HTMLElement | null) => {
    opener.current = from ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    setSelected(c);
  };

  const switchView = (next: DiscoveryView) => {
    setView(next);
    if (next === "list") setBox((b) => b ?? AUSTIN);
    const url = new URL(window.location.href);
    if (next === "map") url.searchParams.delete("view");
    else url.searchParams.set("view", next);
    window.history.replaceState(null, "", url);
  };
  const goTo = (c: NearbyCharger) => {
    setTarget((t) => ({ latitude: c.latitude, longitude: c.longitude, zoom: 15, seq: (t?.seq ?? 0) + 1 }));
    open(c);
  };
  const nearMe = () =>
    locate((p) => {
      if (view === "list") setBox(boxAround(p));
      setTarget((t) => ({ latitude: p.latitude, longitude: p.longitude, zoom: 13, seq: (t?.seq ?? 0) + 1 }));
    });

  return (
    <section aria-labelledby="chargers-heading">
      <SectionHeader
        id="chargers-heading"
        title="Where are you charging?"
        actions={<ViewSwitch view={view} onChange={switchView} />}
      />
      {intro}
      <div className="space-y-3">
        <div className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <PlaceSearch chargers={chargers} onPick={goTo} />
          </div>
          <Button
            variant="secondary"
            className="h-11"
            aria-expanded={filtersOpen}
            aria-controls="map-filters"
            onClick={() => setFiltersOpen((o) => !o)}
          >
            <SlidersHorizontalIcon aria-hidden="true" className="size-4" />
            Filters{activeFilters > 0 ? ` (${activeFilters})` : ""}
          </Button>
        </div>
        {filtersOpen ? (
          <FilterBar id="map-filters" filters={filters} networks={networks} onChange={setFilters} />
        ) : null}
        <div className="flex items-center justify-between gap-3">
          <ResultLine result={query.data} fetching={query.isFetching} failed={failed} />
          <Button variant="secondary" size="sm" onClick={nearMe} disabled={where.state === "locating"}>
            <LocateFixedIcon aria-hidden="true" className="size-4" />
            {where.state === "locating" ? "Locating…" : "Near me"}
          </Button>
        </div>
        {where.state === "refused" || where.state === "unavailable" ? (
          <Notice tone="warning" role="alert">
            {where.message}
          </Notice>
        ) : null}
        {failed ? <NearbyError error={query.error} onRetry={() => void query.refetch()} /> : null}
      </div>

      <div className="mt-4">
        {view === "map" ? (
          <div className="relative isolate h-[58dvh] min-h-80 overflow-hidden rounded-2xl border border-slate-200 bg-slate-100">
            <ChargerMap
              chargers={chargers}
              tileUrl={tileUrl}
              initialBounds={box ?? AUSTIN}
              target={target}
              position={where.state === "found" ? where.position : null}
              onBoundsChange={setBox}
              onSelect={open}
            />
            {empty ? <MapNoChargers filtered={activeFilters > 0} /> : null}
            {tileUrl && tileAttribution ? (
              <p className="absolute right-0 bottom-0 z-[1000] bg-white/80 px-1.5 text-[11px] text-slate-700">
                {tileAttribution}
              </p>
            ) : null}
          </div>
        ) : chargers.length > 0 ? (
          <ChargerList chargers={chargers} onOpen={open} />
        ) : empty ? (
          <EmptyState
            level={3}
            icon={<PlugIcon className="size-6" />}
            title="No chargers here"
            description={noChargersText(activeFilters > 0, "list")}
          />
        ) : failed ? null : (
          <div role="status" aria-busy="true" className="space-y-3">
            <span className="sr-only">Loading chargers…</span>
            <Skeleton className="h-36 rounded-2xl" />
            <Skeleton className="h-36 rounded-2xl" />
          </div>
        )}
      </div>
      {view === "map" ? <MapLegend /> : null}
      {selected ? (
        <ChargerSheet key={selected.id} charger={selected} returnFocus={opener} onClose={() => setSelected(null)} />
      ) : null}
    </section>
  );
}

function MapLegend() {
  return (
    <p className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-600">
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="size-3 rounded-full bg-brand-600 ring-2 ring-white" /> Partner charger
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="size-3 rounded-full bg-white ring-2 ring-slate-500" /> Other charger
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="size-3 rounded-full bg-slate-200 ring-2 ring-slate-400" /> Not open now
      </span>
    </p>
  );
}
