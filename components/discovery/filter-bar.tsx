"use client";

import { useId } from "react";
import { Select } from "@/components/ui/form-controls";
import { cn } from "@/components/ui/cn";
import { CONNECTORS, countActiveFilters, MIN_KW_CHOICES, NO_FILTERS, type MapFilters } from "./map-query";

type FilterBarProps = {
  id?: string;
  filters: MapFilters;
  networks: string[];
  onChange: (next: MapFilters) => void;
};

function Labelled({ label, children }: { label: string; children: (id: string) => React.ReactNode }) {
  const id = useId();
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-slate-600">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

function Toggle({ on, label, onToggle }: { on: boolean; label: string; onToggle: () => void }) {
  return (
    <button
      type="button"
      aria-pressed={on}
      onClick={onToggle}
      className={cn(
        "h-8 rounded-full border px-3 text-sm font-medium whitespace-nowrap",
        on ? "border-brand-600 bg-brand-50 text-brand-800" : "border-slate-300 bg-white text-slate-700",
      )}
    >
      {label}
    </button>
  );
}

/** Connector, minimum power, network, partners only, available now: two short rows at phone width. */
export function FilterBar({ id, filters, networks, onChange }: FilterBarProps) {
  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });
  const active = countActiveFilters(filters);
  return (
    <fieldset id={id} className="space-y-2 rounded-xl border border-slate-200 bg-white p-3">
      <legend className="sr-only">Filter chargers</legend>
      <div className="grid grid-cols-3 gap-2">
        <Labelled label="Connector">
          {(id) => (
            <Select
              id={id}
              value={filters.connector ?? ""}
              onChange={(e) => set({ connector: e.target.value || null })}
            >
              <option value="">Any</option>
              {CONNECTORS.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </Select>
          )}
        </Labelled>
        <Labelled label="Power">
          {(id) => (
            <Select id={id} value={filters.minKw} onChange={(e) => set({ minKw: Number(e.target.value) })}>
              {MIN_KW_CHOICES.map((kw) => (
                <option key={kw} value={kw}>
                  {kw === 0 ? "Any" : `${kw}+ kW`}
                </option>
              ))}
            </Select>
          )}
        </Labelled>
        <Labelled label="Network">
          {(id) => (
            <Select id={id} value={filters.network ?? ""} onChange={(e) => set({ network: e.target.value || null })}>
              <option value="">Any</option>
              {networks.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          )}
        </Labelled>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Toggle
          on={filters.partnersOnly}
          label="Partners only"
          onToggle={() => set({ partnersOnly: !filters.partnersOnly })}
        />
        <Toggle
          on={filters.availableNow}
          label="Available now"
          onToggle={() => set({ availableNow: !filters.availableNow })}
        />
        {active > 0 ? (
          <button
            type="button"
            onClick={() => onChange(NO_FILTERS)}
            className="ml-auto h-8 px-1 text-sm font-medium text-slate-600 underline underline-offset-4"
          >
            Clear filters ({active})
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}
