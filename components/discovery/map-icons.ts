// Marker icons for the map, drawn with our own static markup: no database text ever goes into
// an icon's HTML (the charger's name reaches the marker as its title, set as a DOM property).
import L from "leaflet";

const BOLT =
  '<svg viewBox="0 0 24 24" width="16" height="16" fill="currentColor" aria-hidden="true"><path d="M13 2 4 14h7l-1 8 9-12h-7z"/></svg>';

type Variant = "partner" | "plain" | "closed";

const CLASSES: Record<Variant, string> = {
  partner: "bg-brand-600 text-white ring-2 ring-white size-9",
  plain: "bg-white text-slate-700 ring-2 ring-slate-500 size-7",
  closed: "bg-slate-200 text-slate-500 ring-2 ring-slate-400 size-7 opacity-80",
};

const cache = new Map<Variant, L.DivIcon>();

/** Partners: a larger green pin; other chargers: a small white one; not open now: grey. */
export function chargerIcon(isPartner: boolean, status: string): L.DivIcon {
  const variant: Variant = status !== "E" ? "closed" : isPartner ? "partner" : "plain";
  let icon = cache.get(variant);
  if (!icon) {
    const size = variant === "partner" ? 36 : 28;
    icon = L.divIcon({
      className: `nerava-pin nerava-pin--${variant}`,
      html: `<span class="grid place-items-center rounded-full shadow-md ${CLASSES[variant]}">${BOLT}</span>`,
      iconSize: [size, size],
      iconAnchor: [size / 2, size / 2],
    });
    cache.set(variant, icon);
  }
  return icon;
}

/** A cluster: how many chargers it holds (a number, nothing else from the data). */
export function clusterIcon(count: number): L.DivIcon {
  const n = Math.trunc(count);
  return L.divIcon({
    className: "nerava-cluster",
    html: `<span data-count="${n}" class="grid size-10 place-items-center rounded-full bg-slate-900/85 text-sm font-semibold text-white ring-4 ring-white/70 shadow-md">${n}<span class="sr-only"> chargers</span></span>`,
    iconSize: [40, 40],
  });
}
