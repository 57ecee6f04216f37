import http from "node:http";
import type { AddressInfo } from "node:net";

// Google Places (New) Nearby Search on 127.0.0.1: POST /v1/places:searchNearby with the key
// and the REQUIRED field mask (none → 400), request validation, answers trimmed to the mask,
// Google's error shape, and injectable 429 RESOURCE_EXHAUSTED / 500.

export type FakePlace = {
  id: string;
  displayName: { text: string; languageCode: string };
  primaryType: string;
  types: string[];
  location: { latitude: number; longitude: number };
  formattedAddress: string;
  rating: number;
  businessStatus: string;
};
export type FakePlacesRequest = { fieldMask: string | null; apiKey: string | null; body: unknown };

export type FakePlaces = {
  url: string;
  apiKey: string;
  places: FakePlace[];
  requests: FakePlacesRequest[];
  failNext(kind: "429" | "500", times?: number): void;
  close(): Promise<void>;
};

const KNOWN_TYPES = new Set([
  ...["restaurant", "cafe", "bakery", "coffee_shop", "convenience_store", "supermarket", "grocery_store"],
  ...["shopping_mall", "pharmacy", "library", "park", "gas_station", "gym", "book_store"],
]);

let nextId = 1;
export function fakePlace(name: string, latitude: number, longitude: number, primaryType = "cafe"): FakePlace {
  return {
    id: `ChIJfake${nextId++}${name.replace(/\W/g, "").slice(0, 8)}`,
    displayName: { text: name, languageCode: "en" },
    primaryType,
    types: [primaryType, "food", "point_of_interest", "establishment"],
    location: { latitude, longitude },
    formattedAddress: `1 ${name} Way, Austin, TX 78701, USA`,
    rating: 4.5,
    businessStatus: "OPERATIONAL",
  };
}

const meters = (a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }) => {
  const r = (d: number) => (d * Math.PI) / 180;
  const h =
    Math.sin(r(b.latitude - a.latitude) / 2) ** 2 +
    Math.cos(r(a.latitude)) * Math.cos(r(b.latitude)) * Math.sin(r(b.longitude - a.longitude) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
};

function error(res: http.ServerResponse, code: number, status: string, message: string) {
  res.writeHead(code, { "Content-Type": "application/json" }).end(JSON.stringify({ error: { code, message, status } }));
}

/** Only the masked fields, as Google answers ("places.displayName" → displayName; "*" → all). */
function masked(place: FakePlace, mask: string): Partial<FakePlace> {
  const fields = mask.split(",").map((f) => f.trim());
  if (fields.includes("*") || fields.includes("places")) return place;
  const keys = fields.filter((f) => f.startsWith("places.")).map((f) => f.slice(7).split(".")[0]);
  return Object.fromEntries(Object.entries(place).filter(([k]) => keys.includes(k)));
}

export async function startFakePlaces(opts: { apiKey?: string } = {}): Promise<FakePlaces> {
  const apiKey = opts.apiKey ?? "fake-places-key";
  const failures: Array<"429" | "500"> = [];
  const fake = { url: "", apiKey, places: [] as FakePlace[], requests: [] as FakePlacesRequest[] };

  const server = http.createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    let body: Record<string, unknown> | null = null;
    try {
      body = JSON.parse(raw);
    } catch {
      body = null;
    }
    const fieldMask = (req.headers["x-goog-fieldmask"] as string | undefined) ?? null;
    const key = (req.headers["x-goog-api-key"] as string | undefined) ?? null;
    fake.requests.push({ fieldMask, apiKey: key, body });
    if (req.method !== "POST" || req.url !== "/v1/places:searchNearby")
      return error(res, 404, "NOT_FOUND", "Method not found.");
    if (key !== apiKey) return error(res, 403, "PERMISSION_DENIED", "The provided API key is invalid.");
    if (!fieldMask)
      return error(
        res,
        400,
        "INVALID_ARGUMENT",
        "FieldMask is a required parameter. See https://cloud.google.com/apis/docs/system-parameters on how to provide it.",
      );
    const failure = failures.shift();
    if (failure === "429")
      return error(res, 429, "RESOURCE_EXHAUSTED", "Resource has been exhausted (e.g. check quota).");
    if (failure === "500") return error(res, 500, "INTERNAL", "Internal error encountered.");
    const circle = (body?.locationRestriction as { circle?: { center?: Record<string, unknown>; radius?: unknown } })
      ?.circle;
    const center = circle?.center;
    const radius = Number(circle?.radius);
    if (!center || typeof center.latitude !== "number" || typeof center.longitude !== "number")
      return error(res, 400, "INVALID_ARGUMENT", "locationRestriction.circle.center is required.");
    if (!(radius > 0 && radius <= 50_000))
      return error(res, 400, "INVALID_ARGUMENT", "locationRestriction.circle.radius must be in (0, 50000].");
    const max = Number(body?.maxResultCount ?? 20);
    if (!(Number.isInteger(max) && max >= 1 && max <= 20))
      return error(res, 400, "INVALID_ARGUMENT", "maxResultCount must be between 1 and 20.");
    const included = (body?.includedTypes as string[] | undefined) ?? [];
    const unknown = included.find((t) => !KNOWN_TYPES.has(t));
    if (unknown) return error(res, 400, "INVALID_ARGUMENT", `Unsupported types: ${unknown}.`);
    const from = { latitude: center.latitude, longitude: center.longitude };
    const hits = fake.places
      .filter((p) => meters(from, p.location) <= radius)
      .filter((p) => included.length === 0 || p.types.some((t) => included.includes(t)))
      .sort((a, b) => meters(from, a.location) - meters(from, b.location))
      .slice(0, max)
      .map((p) => masked(p, fieldMask));
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(hits.length > 0 ? { places: hits } : {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(fake, {
    failNext(kind: "429" | "500", times = 1) {
      for (let i = 0; i < times; i++) failures.push(kind);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
