"use client";

import { ListIcon, MapIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";

export type DiscoveryView = "map" | "list";

const OPTIONS = [
  { value: "map", label: "Map", Icon: MapIcon },
  { value: "list", label: "List", Icon: ListIcon },
] as const;

/** Map or list: two pressed-state buttons (the list is the map's accessible equivalent). */
export function ViewSwitch({ view, onChange }: { view: DiscoveryView; onChange: (v: DiscoveryView) => void }) {
  return (
    <div
      role="group"
      aria-label="Show chargers as"
      className="inline-flex rounded-lg border border-slate-300 bg-white p-0.5"
    >
      {OPTIONS.map(({ value, label, Icon }) => (
        <button
          key={value}
          type="button"
          aria-pressed={view === value}
          onClick={() => onChange(value)}
          className={cn(
            "inline-flex h-8 items-center gap-1.5 rounded-md px-3 text-sm font-medium",
            view === value ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100",
          )}
        >
          <Icon aria-hidden="true" className="size-4" />
          {label}
        </button>
      ))}
    </div>
  );
}
