/** What to do about an area with no chargers: clear a filter only when one is set, else look wider. */
export function noChargersText(filtered: boolean, on: "map" | "list"): string {
  if (filtered) {
    return on === "map"
      ? "No charger here matches your filters. Clear a filter, or move the map."
      : "No charger in this area matches your filters. Clear a filter, or look around on the map.";
  }
  return on === "map"
    ? "No chargers in this area. Move the map or zoom out."
    : "No chargers in this area. Switch to the map and move it or zoom out to find one.";
}

/**
 * Over an empty map, where the eye is: an empty map otherwise looks like one still loading.
 * It lets taps and drags through to the map underneath.
 */
export function MapNoChargers({ filtered }: { filtered: boolean }) {
  return (
    // at the bottom: the zoom buttons sit top left
    <div role="status" className="pointer-events-none absolute inset-x-3 bottom-6 z-[1000] flex justify-center">
      <p className="rounded-xl bg-white/95 px-3 py-2 text-center text-sm text-slate-800 shadow-md ring-1 ring-slate-200">
        {noChargersText(filtered, "map")}
      </p>
    </div>
  );
}
