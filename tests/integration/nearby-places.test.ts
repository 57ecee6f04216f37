import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as placesRoute } from "@/app/api/discovery/chargers/[chargerId]/places/route";
import { PLACES_FIELD_MASK } from "@/lib/integrations/places";
import { createPlacesLister, purgeExpiredPlaceCoordinates, type PlacesListerOptions } from "@/lib/nearby-places";
import { fakePlace, startFakePlaces, type FakePlaces } from "../fakes/places";
import { createUser, signedIn, testDb, uid } from "../support/factories";
import { call } from "../support/request";

const DAY = 86_400_000;
// Far from the demo chargers (Austin) and the other tests' places.
const [LAT, LNG] = [45.6772, -111.0429];

async function charger(latitude = LAT, longitude = LNG) {
  return testDb.charger.create({
    data: { externalId: `t-${uid()}`, name: "Test Charger", address: "1 Test St", latitude, longitude },
  });
}

describe("Google Places nearby list (real client against the fake)", () => {
  let fake: FakePlaces;
  const lister = (o: Partial<PlacesListerOptions> = {}) =>
    createPlacesLister({
      apiKey: fake.apiKey,
      baseUrl: fake.url,
      holdMs: 60_000,
      quietMs: 60_000,
      radiusMeters: 400,
      maxResults: 10,
      ...o,
    });

  beforeAll(async () => {
    fake = await startFakePlaces();
    fake.places.push(
      fakePlace("Far Cafe", LAT + 0.003, LNG, "cafe"), // ≈ 333 m
      fakePlace("Next Door Bakery", LAT + 0.0005, LNG, "bakery"), // ≈ 56 m
      fakePlace("<img src=x onerror=alert(1)>", LAT, LNG + 0.001, "restaurant"), // ≈ 96 m
      fakePlace("Gas Station", LAT + 0.001, LNG, "gas_station"), // not a type we ask for
      fakePlace("Too Far Diner", LAT + 0.01, LNG, "restaurant"), // ≈ 1.1 km
    );
  });
  afterAll(() => fake.close());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  it("the fake refuses a request without a field mask, as Google does", async () => {
    const res = await fetch(`${fake.url}/v1/places:searchNearby`, {
      method: "POST",
      headers: { "X-Goog-Api-Key": fake.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ locationRestriction: { circle: { center: { latitude: 1, longitude: 1 }, radius: 100 } } }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { status: "INVALID_ARGUMENT" } });
  });

  it("sends exactly the pinned field mask and answers a list, nearest first, with Google's attribution", async () => {
    const c = await charger();
    const answer = await lister()(c.id);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0].fieldMask).toBe(PLACES_FIELD_MASK);
    expect(PLACES_FIELD_MASK).toBe("places.id,places.displayName,places.primaryType,places.location");
    expect(fake.requests[0].apiKey).toBe(fake.apiKey);
    expect(fake.requests[0].body).toMatchObject({
      maxResultCount: 10,
      rankPreference: "DISTANCE",
      locationRestriction: { circle: { center: { latitude: c.latitude, longitude: c.longitude }, radius: 400 } },
    });
    expect(answer).toMatchObject({ note: null, attribution: "Google Maps" });
    expect(answer!.places.map((p) => p.name)).toEqual(["Next Door Bakery", "<img src=x onerror=alert(1)>", "Far Cafe"]);
    const [bakery, , cafe] = answer!.places;
    expect(bakery).toMatchObject({ type: "bakery", walkMinutes: 1 });
    expect(bakery.distanceMeters).toBeGreaterThan(50);
    expect(bakery.distanceMeters).toBeLessThan(62);
    expect(cafe.walkMinutes).toBe(Math.ceil((cafe.distanceMeters * 1.3) / 80));
    expect(bakery.mapsUrl).toContain(`query_place_id=${encodeURIComponent(bakery.placeId)}`);

    // kept: only the place ids and their coordinates, which expire in 30 days
    const kept = await testDb.chargerPlace.findMany({ where: { chargerId: c.id } });
    expect(kept.map((k) => k.placeId).sort()).toEqual(answer!.places.map((p) => p.placeId).sort());
    for (const k of kept) {
      expect(k.latitude).not.toBeNull();
      const days = (k.coordinatesExpireAt!.getTime() - Date.now()) / DAY;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThanOrEqual(30);
    }
  });

  it("calls Google at most once per charger while the answer is held, even for concurrent requests", async () => {
    const [a, b] = [await charger(), await charger()];
    const list = lister();
    const answers = await Promise.all([list(a.id), list(a.id), list(a.id), list(b.id)]);
    expect(fake.requests).toHaveLength(2);
    expect(answers[1]).toEqual(answers[0]);
    await list(a.id);
    expect(fake.requests).toHaveLength(2);
    // once the hold is over, a new live call
    const short = lister({ holdMs: 1 });
    await short(a.id);
    await new Promise((r) => setTimeout(r, 5));
    await short(a.id);
    expect(fake.requests).toHaveLength(4);
  });

  it("a 429 (RESOURCE_EXHAUSTED) answers an empty list with a note, then stays quiet for a while", async () => {
    const c = await charger();
    const list = lister();
    fake.failNext("429");
    const answer = await list(c.id);
    expect(answer).toEqual({ places: [], note: expect.stringMatching(/busy/), attribution: null });
    expect(await list(c.id)).toEqual(answer);
    expect(await list((await charger()).id)).toEqual(answer);
    expect(fake.requests).toHaveLength(1);
  });

  it("an outage answers an empty list with a note, never an error", async () => {
    const c = await charger();
    fake.failNext("500");
    expect(await lister()(c.id)).toEqual({
      places: [],
      note: expect.stringMatching(/could not be loaded/),
      attribution: null,
    });
  });

  it("no key: an empty list and no call; an unknown charger: null", async () => {
    const c = await charger();
    expect(await lister({ apiKey: undefined })(c.id)).toEqual({ places: [], note: null, attribution: null });
    expect(fake.requests).toHaveLength(0);
    expect(await lister()("no-such-charger")).toBeNull();
  });

  it("a person over their live-call budget gets 'busy', while held answers still come", async () => {
    const [a, b] = [await charger(), await charger()];
    let allowed = 1;
    const list = lister({ allowLiveCall: async () => allowed-- > 0 });
    expect((await list(a.id, { userId: "u1" }))!.places.length).toBeGreaterThan(0);
    expect((await list(b.id, { userId: "u1" }))!.note).toMatch(/busy/);
    expect((await list(a.id, { userId: "u1" }))!.places.length).toBeGreaterThan(0);
    expect(fake.requests).toHaveLength(1);
  });

  it("purges coordinates after 30 days and keeps the place ids", async () => {
    const c = await charger();
    await lister()(c.id);
    const other = await charger(LAT + 0.0003, LNG);
    await lister()(other.id);
    // the first charger's places were seen 31 days ago
    await testDb.chargerPlace.updateMany({
      where: { chargerId: c.id },
      data: { coordinatesExpireAt: new Date(Date.now() - DAY), lastSeenAt: new Date(Date.now() - 31 * DAY) },
    });
    const { purged } = await purgeExpiredPlaceCoordinates();
    expect(purged).toBeGreaterThanOrEqual(3);
    const old = await testDb.chargerPlace.findMany({ where: { chargerId: c.id } });
    expect(old).toHaveLength(3);
    expect(old.every((p) => p.latitude === null && p.longitude === null && p.coordinatesExpireAt === null)).toBe(true);
    const fresh = await testDb.chargerPlace.findMany({ where: { chargerId: other.id } });
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((p) => p.latitude !== null)).toBe(true);
    // and 30 days on, those go too
    await purgeExpiredPlaceCoordinates(new Date(Date.now() + 30 * DAY + 1000));
    const later = await testDb.chargerPlace.findMany({ where: { chargerId: other.id } });
    expect(later.every((p) => p.latitude === null)).toBe(true);
  });

  it("the route answers signed-in drivers (empty without a key here), 404 for an unknown charger, 401 signed out", async () => {
    const c = await charger();
    const { cookie } = await signedIn((await createUser()).id);
    const ok = await call(placesRoute, { headers: { cookie }, params: { chargerId: c.id } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await ok.json()).toEqual({ places: [], note: null, attribution: null });
    const missing = await call(placesRoute, { headers: { cookie }, params: { chargerId: "nope" } });
    expect(missing.status).toBe(404);
    expect((await call(placesRoute, { params: { chargerId: c.id } })).status).toBe(401);
  });
});
