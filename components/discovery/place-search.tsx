"use client";

import { SearchIcon } from "lucide-react";
import { useId, useRef, useState } from "react";
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";
import { controlVariants } from "@/components/ui/form-controls";
import { searchPlaces } from "./map-query";

/** Finds a charger, its street or a shop beside it among the chargers loaded; picking one goes there. */
export function PlaceSearch({ chargers, onPick }: { chargers: NearbyCharger[]; onPick: (c: NearbyCharger) => void }) {
  const id = useId();
  const [text, setText] = useState("");
  const input = useRef<HTMLInputElement>(null);
  // the result button goes away as the sheet opens: focus comes back to the box afterwards
  const pick = (c: NearbyCharger) => {
    input.current?.focus();
    setText("");
    onPick(c);
  };
  const matches = searchPlaces(chargers, text);
  const searching = text.trim().length > 0;
  return (
    <div role="search">
      <label htmlFor={id} className="sr-only">
        Search chargers, streets and shops in this area
      </label>
      <div className="relative">
        <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-3 left-3 size-5 text-slate-400" />
        <input
          ref={input}
          id={id}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && matches[0]) {
              e.preventDefault();
              pick(matches[0].charger);
            }
          }}
          placeholder="Charger, street or shop"
          autoComplete="off"
          className={controlVariants({ size: "md", className: "pl-10" })}
          aria-describedby={searching ? `${id}-results` : undefined}
        />
      </div>
      {searching ? (
        <div id={`${id}-results`} className="mt-1">
          {matches.length > 0 ? (
            <ul
              aria-label="Places found"
              className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white shadow-sm"
            >
              {matches.map((m) => (
                <li key={`${m.charger.id}-${m.label}`}>
                  <button
                    type="button"
                    onClick={() => {
                      pick(m.charger);
                    }}
                    className="block w-full px-3 py-2 text-left hover:bg-slate-50"
                  >
                    <span className="block text-sm font-medium text-slate-900">{m.label}</span>
                    <span className="block truncate text-xs text-slate-600">{m.detail}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p role="status" className="px-1 py-2 text-sm text-slate-600">
              Nothing here matches. Move the map or zoom out to search a wider area.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
