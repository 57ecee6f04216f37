import { z } from "zod";

// One NREL station record → the fields of our Charger row. A record that does not fit (no id,
// coordinates off the globe, an unknown status) is refused here and counted by the import.

/** NREL's ev_connector_types → the names chargers carry in our data (the demo chargers use the same). */
export const CONNECTOR_NAMES: Record<string, string> = {
  J1772COMBO: "CCS",
  TESLA: "NACS",
  CHADEMO: "CHAdeMO",
  J1772: "J1772",
};
const CONNECTOR_ORDER = ["CCS", "NACS", "CHAdeMO", "J1772"];

/**
 * NREL's nearest.json has no power figure, so power is a floor estimate from the port counts:
 * a DC fast station delivers at least 50 kW (the slowest common DC fast units), a Level 2 one
 * 7.2 kW (a 30 A / 240 V circuit); a Level 1-only station has no estimate (null).
 */
export const DC_FAST_KW = 50;
export const LEVEL2_KW = 7.2;

const CONTROL = /[\u0000-\u001f\u007f]+/g;
const text = (max: number) =>
  z
    .string()
    .transform((s) => s.replace(CONTROL, " ").trim().slice(0, max))
    .nullish()
    .transform((s) => s || null);
const count = z.number().int().min(0).max(10_000).nullish();

const stationSchema = z.object({
  id: z.number().int().positive(),
  station_name: z
    .string()
    .transform((s) => s.replace(CONTROL, " ").trim().slice(0, 200))
    .pipe(z.string().min(1)),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  street_address: text(200),
  city: text(100),
  state: text(20),
  zip: text(20),
  status_code: z.enum(["E", "P", "T"]),
  access_code: z.enum(["public", "private"]).nullish(),
  access_days_time: text(300),
  ev_network: text(80),
  ev_connector_types: z.array(z.string()).nullish(),
  ev_level2_evse_num: count,
  ev_dc_fast_num: count,
  ev_pricing: text(300),
  updated_at: z.string().datetime({ offset: true }).nullish(),
});

export type StationRow = {
  externalId: string;
  name: string;
  network: string | null;
  address: string;
  latitude: number;
  longitude: number;
  connectors: string[];
  powerKw: number | null;
  status: "E" | "P" | "T";
  accessHours: string | null;
  accessCode: "public" | "private";
  pricing: string | null;
  level2Ports: number | null;
  dcFastPorts: number | null;
  sourceUpdatedAt: Date | null;
};

export const externalIdOf = (nrelId: number | string) => `nrel:${nrelId}`;

function addressOf(s: {
  street_address: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
}) {
  const region = [s.state, s.zip].filter(Boolean).join(" ");
  return [s.street_address, s.city, region].filter(Boolean).join(", ");
}

function connectorsOf(types: string[] | null | undefined): string[] {
  const names = new Set((types ?? []).map((t) => CONNECTOR_NAMES[t.toUpperCase()]).filter(Boolean));
  return CONNECTOR_ORDER.filter((n) => names.has(n));
}

/** The Charger fields of one NREL station record, or null when the record is malformed. */
export function parseStation(raw: unknown): StationRow | null {
  const parsed = stationSchema.safeParse(raw);
  if (!parsed.success) return null;
  const s = parsed.data;
  const dcFast = s.ev_dc_fast_num ?? null;
  const level2 = s.ev_level2_evse_num ?? null;
  return {
    externalId: externalIdOf(s.id),
    name: s.station_name,
    network: s.ev_network,
    address: addressOf(s),
    latitude: s.latitude,
    longitude: s.longitude,
    connectors: connectorsOf(s.ev_connector_types),
    powerKw: dcFast ? DC_FAST_KW : level2 ? LEVEL2_KW : null,
    status: s.status_code,
    accessHours: s.access_days_time,
    accessCode: s.access_code ?? "public",
    pricing: s.ev_pricing,
    level2Ports: level2,
    dcFastPorts: dcFast,
    sourceUpdatedAt: s.updated_at ? new Date(s.updated_at) : null,
  };
}
