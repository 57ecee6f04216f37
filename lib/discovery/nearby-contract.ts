import { z } from "zod";

// The contract between the nearby query (lib/discovery), its route (GET /api/discovery/nearby)
// and the map: query parameters in, chargers and partner merchants out. Plain data, no server code,
// so the map's client components may import it.

// Plain decimals only: coercion would read "" as 0 (a query for the Gulf of Guinea) and "0x1E" as 30.
// Up to 20 decimal places: a client may send a double as JavaScript prints it (17 significant digits).
const decimalOf = (example: string) =>
  z.union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,12}(\.\d{1,20})?$/, `Give a plain decimal number, such as ${example}.`)
      .transform(Number),
  ]);
const number = (min: number, max: number, example = "30.2672") => decimalOf(example).pipe(z.number().min(min).max(max));
const coordinate = (limit: number) => number(-limit, limit);
const flag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((v) => v === "1" || v === "true");

/** The connector names chargers carry (NREL's types mapped by the import; the demo chargers use the same). */
export const CONNECTOR_TYPES = ["CCS", "NACS", "CHAdeMO", "J1772"] as const;
const connectorType = z
  .string()
  .trim()
  .transform((typed, ctx) => {
    const found = CONNECTOR_TYPES.find((c) => c.toLowerCase() === typed.toLowerCase());
    if (!found) ctx.addIssue({ code: "custom", message: `Choose a connector: ${CONNECTOR_TYPES.join(", ")}.` });
    return found ?? z.NEVER;
  });

/** Either a bounding box (`bbox=south,west,north,east`) or a centre and radius (`lat`, `lng`, `radius` in metres). */
export const nearbyQuery = z
  .object({
    bbox: z
      .string()
      .regex(/^-?\d+(\.\d+)?(,-?\d+(\.\d+)?){3}$/, "Give the bbox as south,west,north,east in degrees.")
      .optional(),
    lat: coordinate(90).optional(),
    lng: coordinate(180).optional(),
    radius: decimalOf("2000").pipe(z.number().int().min(50).max(50_000)).optional(),
    /** One connector type as stored on chargers, in any case ("ccs" is CCS); others are refused. */
    connector: connectorType.optional(),
    minKw: number(0, 1_000, "50").optional(),
    network: z.string().trim().min(1).max(60).optional(),
    partnersOnly: flag,
    /** Open now: NREL status E (not planned, not temporarily unavailable). */
    availableNow: flag,
    limit: decimalOf("200").pipe(z.number().int().min(1).max(500)).default(200),
  })
  .refine((q) => q.bbox !== undefined || (q.lat !== undefined && q.lng !== undefined), {
    message: "Give a bbox, or lat and lng (with an optional radius).",
  })
  .refine((q) => q.bbox === undefined || (q.lat === undefined && q.lng === undefined && q.radius === undefined), {
    message: "Give a bbox or a centre, not both.",
  });
export type NearbyQuery = z.infer<typeof nearbyQuery>;

export type NearbyOffer = { id: string; title: string; novaPrice: number };

/** A partner merchant within walking distance of a charger, with its live offers. */
export type NearbyPerk = {
  merchantId: string;
  name: string;
  category: string;
  latitude: number;
  longitude: number;
  distanceMeters: number;
  /** ≈ distance × 1.3 (streets are not straight) ÷ 80 m a minute, rounded up. */
  walkMinutes: number;
  offers: NearbyOffer[];
};

export type NearbyCharger = {
  id: string;
  name: string;
  network: string | null;
  address: string;
  latitude: number;
  longitude: number;
  powerKw: number | null;
  connectors: string[];
  /** E open, P planned, T temporarily unavailable. */
  status: string;
  accessHours: string | null;
  isPartner: boolean;
  /** From the query's centre (radius queries) or the box's centre. */
  distanceMeters: number;
  perks: NearbyPerk[];
};

export type NearbyResult = {
  chargers: NearbyCharger[];
  /** True when more chargers matched than `limit`: zoom in to see them all. */
  truncated: boolean;
  /** When the charger data was last refreshed (the newest import), ISO; null for the demo data. */
  asOf: string | null;
};
