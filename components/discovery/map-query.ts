// Pure helpers behind the driver's map: the box it asks for (rounded, so small pans reuse the
// cached answer), the filters as query parameters, the query key, and the words it shows.
import type { NearbyCharger } from "@/lib/discovery/nearby-contract";

export type Bbox = { south: number; west: number; north: number; east: number };

/** Where the map goes next (a place picked in search, the driver's position); a new `seq` moves it. */
export type MapTarget = { latitude: number; longitude: number; zoom: number; seq: number };

export const CONNECTORS = ["CCS", "NACS", "CHAdeMO", "J1772"] as const;
export const MIN_KW_CHOICES = [0, 50, 150, 250] as const;

export type MapFilters = {
  connector: string | null;
  /** 0: any power. */
  minKw: number;
  network: string | null;
  partnersOnly: boolean;
  availableNow: boolean;
};
export const NO_FILTERS: MapFilters = {
  connector: null,
  minKw: 0,
  network: null,
  partnersOnly: false,
  availableNow: false,
};

/** The demo chargers in Austin with a margin: the map's first view. */
export const AUSTIN: Bbox = { south: 30.22, west: -97.83, north: 30.42, east: -97.69 };

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * Rounds a box outward to a grid about a tenth to a twentieth of its larger side (0.01° for a
 * city, 1° for a state), so a small pan or a jittery fit asks for the same box again.
 */
export function roundBbox(b: Bbox): Bbox {
  const span = Math.max(b.north - b.south, b.east - b.west, 1e-4);
  const decimals = clamp(1 - Math.floor(Math.log10(span)), 0, 4);
  const f = 10 ** decimals;
  const down = (n: number) => Number((Math.floor(n * f + 1e-9) / f).toFixed(decimals));
  const up = (n: number) => Number((Math.ceil(n * f - 1e-9) / f).toFixed(decimals));
  return {
    south: clamp(down(b.south), -90, 90),
    west: clamp(down(b.west), -180, 180),
    north: clamp(up(b.north), -90, 90),
    east: clamp(up(b.east), -180, 180),
  };
}

/** The route's query string for a box and the filters (the box rounded; defaults left out). */
export function nearbyParams(box: Bbox, filters: MapFilters): URLSearchParams {
  const b = roundBbox(box);
  const params = new URLSearchParams({ bbox: [b.south, b.west, b.north, b.east].join(",") });
  if (filters.connector) params.set("connector", filters.connector);
  if (filters.minKw > 0) params.set("minKw", String(filters.minKw));
  if (filters.network) params.set("network", filters.network);
  if (filters.partnersOnly) params.set("partnersOnly", "1");
  if (filters.availableNow) params.set("availableNow", "1");
  return params;
}

/** One cache entry per rounded box and filter set. */
export const discoveryKeys = {
  nearby: (params: URLSearchParams) => ["discovery", "nearby", params.toString()] as const,
  places: (chargerId: string) => ["discovery", "places", chargerId] as const,
};

export function countActiveFilters(f: MapFilters): number {
  return [f.connector, f.minKw > 0, f.network, f.partnersOnly, f.availableNow].filter(Boolean).length;
}

/** "≈ 3 min walk". */
export const walkText = (minutes: number) => `≈ ${Math.max(1, Math.round(minutes))} min walk`;

export function statusText(status: string): string {
  if (status === "E") return "Open";
  if (status === "P") return "Planned, not open yet";
  if (status === "T") return "Temporarily unavailable";
  return "Status unknown";
}

/** "350 kW", "62.5 kW"; null when unknown. */
export const powerText = (kw: number | null) => (kw ? `${Number(kw.toFixed(1))} kW` : null);

/** The networks in the answers seen so far, sorted, so choosing one does not hide the others. */
export function mergeNetworks(known: readonly string[], chargers: readonly NearbyCharger[]): string[] {
  const all = new Set(known);
  for (const c of chargers) if (c.network) all.add(c.network);
  return all.size === known.length ? (known as string[]) : [...all].sort((a, b) => a.localeCompare(b));
}

const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export type PlaceMatch = { charger: NearbyCharger; label: string; detail: string };

/** Chargers whose name or address, or a merchant beside them, contains the words (accents ignored). */
export function searchPlaces(chargers: readonly NearbyCharger[], text: string, max = 8): PlaceMatch[] {
  const words = fold(text).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hit = (s: string) => words.every((w) => fold(s).includes(w));
  const out: PlaceMatch[] = [];
  for (const c of chargers) {
    if (hit(`${c.name} ${c.address}`)) out.push({ charger: c, label: c.name, detail: c.address });
    else {
      const perk = c.perks.find((p) => hit(p.name));
      if (perk) out.push({ charger: c, label: perk.name, detail: `${perk.category} · by ${c.name}` });
    }
    if (out.length >= max) break;
  }
  return out;
}
