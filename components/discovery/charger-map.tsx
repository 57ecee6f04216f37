"use client";

import { useEffect, useState, type ComponentType } from "react";
import type { ChargerMapProps } from "./charger-map-inner";

// Leaflet touches `window` as it loads, and is the largest code on the page: it is loaded only in
// the browser, after first paint and in idle time, one step per idle period (Leaflet itself, then
// the map component with react-leaflet and clustering), so no step is one long task competing
// with the page's first input. The map asks for the chargers of the box it shows once it renders.

type Idle = (run: () => void) => () => void;
const whenIdle: Idle = (run) => {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(run, { timeout: 1_000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(run, 50); // Safari has no requestIdleCallback
  return () => window.clearTimeout(id);
};

type MapView = ComponentType<ChargerMapProps>;
type Loaded = { MapView: MapView } | { failed: true } | null;

/** Once loaded, the map stays loaded: switching back from the list shows it at once. */
let loadedMap: MapView | null = null;

function useIdleMap(): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(loadedMap ? { MapView: loadedMap } : null);
  useEffect(() => {
    if (loadedMap) return;
    let cancel = () => {};
    let gone = false;
    const idle = () => new Promise<void>((resolve) => (cancel = whenIdle(resolve)));
    (async () => {
      await idle();
      await import("leaflet");
      await idle();
      loadedMap ??= (await import("./charger-map-inner")).default;
      await idle(); // the first render of the map and its markers: a step of its own
      if (!gone) setLoaded({ MapView: loadedMap });
    })().catch(() => !gone && setLoaded({ failed: true }));
    return () => {
      gone = true;
      cancel();
    };
  }, []);
  return loaded;
}

/** The Leaflet map of chargers (client only), at the size of its parent. */
export function ChargerMap(props: ChargerMapProps) {
  const loaded = useIdleMap();
  if (loaded && "MapView" in loaded) return <loaded.MapView {...props} />;
  return (
    <div
      className="grid size-full place-items-center bg-slate-100 px-4 text-center text-sm text-slate-600"
      role="status"
    >
      {loaded ? "The map could not load. The list shows the same chargers." : "Loading the map…"}
    </div>
  );
}
