import http from "node:http";
import type { AddressInfo } from "node:net";

// NREL AFDC's nearest.json on 127.0.0.1: the api.data.gov key check (X-Api-Key or api_key),
// the X-RateLimit-* headers and the hourly 429 OVER_RATE_LIMIT, distance filtering and
// limit/offset paging, with injectable 429 / 500 / malformed records.

export type FakeNrelRequest = { path: string; query: URLSearchParams; headerKey: string | null };
type Failure = { kind: "429" | "500"; atOffset?: number };

export type FakeNrel = {
  /** The API base, like https://developer.nrel.gov/api/alt-fuel-stations/v1. */
  url: string;
  apiKey: string;
  /** Station records as NREL sends them (anything goes: malformed ones included). */
  stations: Record<string, unknown>[];
  requests: FakeNrelRequest[];
  /** Requests left this hour; at 0 every request is a 429 until `rateLimit.remaining` is raised. */
  rateLimit: { limit: number; remaining: number };
  /** The next request fails (or the next one asking for `atOffset`), `times` times. */
  failNext(kind: "429" | "500", opts?: { times?: number; atOffset?: number }): void;
  close(): Promise<void>;
};

let nextId = 900_000;

/** A realistic public, open, DC fast station record (override any field). */
export function nrelStation(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = typeof overrides.id === "number" ? overrides.id : nextId++;
  return {
    id,
    access_code: "public",
    access_days_time: "24 hours daily",
    fuel_type_code: "ELEC",
    station_name: `Fake Station ${id}`,
    street_address: `${id % 100_000} Main St`,
    city: "Springfield",
    state: "KS",
    zip: "67000",
    latitude: 39.0,
    longitude: -98.0,
    status_code: "E",
    ev_network: "ChargePoint Network",
    ev_connector_types: ["J1772COMBO", "CHADEMO"],
    ev_level1_evse_num: null,
    ev_level2_evse_num: null,
    ev_dc_fast_num: 2,
    ev_pricing: "$0.45 per kWh",
    facility_type: "SHOPPING_CENTER",
    updated_at: "2026-10-02T15:04:05Z",
    date_last_confirmed: "2026-09-30",
    ...overrides,
  };
}

const MILES = 3958.8;
function miles(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(r(bLat - aLat) / 2) ** 2 + Math.cos(r(aLat)) * Math.cos(r(bLat)) * Math.sin(r(bLng - aLng) / 2) ** 2;
  return 2 * MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "Content-Type": "application/json", ...headers }).end(JSON.stringify(body));
}

export async function startFakeNrel(opts: { apiKey?: string } = {}): Promise<FakeNrel> {
  const apiKey = opts.apiKey ?? "fake-nrel-key";
  const failures: Failure[] = [];
  const fake = {
    url: "",
    apiKey,
    stations: [] as Record<string, unknown>[],
    requests: [] as FakeNrelRequest[],
    rateLimit: { limit: 1000, remaining: 1000 },
  };

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const headerKey = (req.headers["x-api-key"] as string | undefined) ?? null;
    fake.requests.push({ path: url.pathname, query: url.searchParams, headerKey });
    const key = headerKey ?? url.searchParams.get("api_key");
    if (key !== apiKey)
      return send(res, 403, { error: { code: "API_KEY_INVALID", message: "An invalid api_key was supplied." } });
    if (fake.rateLimit.remaining <= 0)
      return send(res, 429, { error: { code: "OVER_RATE_LIMIT", message: "You have exceeded your rate limit." } });
    fake.rateLimit.remaining--;
    const rate = {
      "X-RateLimit-Limit": String(fake.rateLimit.limit),
      "X-RateLimit-Remaining": String(fake.rateLimit.remaining),
    };
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const failure = failures.findIndex((f) => f.atOffset === undefined || f.atOffset === offset);
    if (failure >= 0) {
      const [f] = failures.splice(failure, 1);
      if (f.kind === "429")
        return send(res, 429, { error: { code: "OVER_RATE_LIMIT", message: "You have exceeded your rate limit." } });
      return send(res, 500, { error: { code: "INTERNAL", message: "Internal error" } }, rate);
    }
    if (url.pathname !== "/api/alt-fuel-stations/v1/nearest.json") return send(res, 404, { error: "not found" });
    const lat = Number(url.searchParams.get("latitude"));
    const lng = Number(url.searchParams.get("longitude"));
    const limit = Number(url.searchParams.get("limit") ?? 20);
    const radius = Number(url.searchParams.get("radius") ?? 5);
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || !url.searchParams.get("latitude"))
      return send(res, 422, { errors: ["The location or latitude/longitude parameters are required."] }, rate);
    if (!(limit >= 1 && limit <= 200)) return send(res, 422, { errors: ["The limit must be 200 or less."] }, rate);
    const statuses = (url.searchParams.get("status") ?? "E").split(",");
    const access = url.searchParams.get("access");
    const listed = fake.stations
      .map((s) => {
        const ok = typeof s.latitude === "number" && typeof s.longitude === "number";
        return { s, d: ok ? miles(lat, lng, s.latitude as number, s.longitude as number) : 0 };
      })
      .filter(({ s, d }) => d <= radius && (s.fuel_type_code ?? "ELEC") === "ELEC")
      .filter(({ s }) => typeof s.status_code !== "string" || statuses.includes(s.status_code))
      .filter(({ s }) => !access || typeof s.access_code !== "string" || s.access_code === access)
      .sort((a, b) => a.d - b.d);
    send(
      res,
      200,
      {
        latitude: lat,
        longitude: lng,
        precision: { name: "location", types: [], value: 1 },
        station_locator_url: "https://afdc.energy.gov/stations/",
        total_results: listed.length,
        station_counts: {},
        offset,
        fuel_stations: listed.slice(offset, offset + limit).map(({ s, d }) => ({ ...s, distance: d })),
      },
      rate,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/alt-fuel-stations/v1`;
  return Object.assign(fake, {
    failNext(kind: "429" | "500", o: { times?: number; atOffset?: number } = {}) {
      for (let i = 0; i < (o.times ?? 1); i++) failures.push({ kind, atOffset: o.atOffset });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
