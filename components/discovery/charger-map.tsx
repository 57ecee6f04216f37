"use client";

import dynamic from "next/dynamic";
import type { ChargerMapProps } from "./charger-map-inner";

// Leaflet touches `window` as it loads: the map is only ever loaded in the browser, from here.
const Inner = dynamic(() => import("./charger-map-inner"), {
  ssr: false,
  loading: () => (
    <div className="grid size-full place-items-center bg-slate-100 text-sm text-slate-500" role="status">
      Loading the map…
    </div>
  ),
});

/** The Leaflet map of chargers (client only), at the size of its parent. */
export function ChargerMap(props: ChargerMapProps) {
  return <Inner {...props} />;
}
