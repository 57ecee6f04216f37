import type { Db } from "@/lib/db/client";

// A fixed map for the nearby query, written the same way into any database (PostgreSQL or PGlite).
// Centre C in North Dakota (no other test puts chargers there). Distances along a bearing from C.

/** earthdistance's sphere (earth()), so "just inside" and "just outside" are exact. */
const R = 6_378_168;
export const C = { lat: 46.8, lng: -100.8 };

/** The point `meters` from `from` along `bearing` degrees (great circle). */
export function offset(from: { lat: number; lng: number }, bearing: number, meters: number) {
  const rad = Math.PI / 180;
  const d = meters / R;
  const phi1 = from.lat * rad;
  const lambda1 = from.lng * rad;
  const theta = bearing * rad;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(theta));
  const lambda2 =
    lambda1 + Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi1), Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
  return { lat: phi2 / rad, lng: lambda2 / rad };
}

/** Haversine on a sphere of radius r (default: earthdistance's). */
export function haversine(a: { lat: number; lng: number }, b: { lat: number; lng: number }, r = R) {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lng - a.lng) * rad) / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(h));
}

type ChargerSpec = {
  id: string;
  at: { lat: number; lng: number };
  connectors: string[];
  powerKw: number | null;
  network?: string;
  status?: string;
  accessCode?: string;
  isPartner?: boolean;
};

const N = (bearing: number, m: number) => offset(C, bearing, m);
export const CHARGERS: ChargerSpec[] = [
  { id: "nb_A", at: N(0, 100), connectors: ["CCS", "J1772"], powerKw: 150 },
  { id: "nb_C", at: N(180, 500), connectors: ["J1772"], powerKw: 7, status: "P" },
  { id: "nb_D", at: N(270, 700), connectors: ["CCS"], powerKw: 50, accessCode: "private" },
  { id: "nb_E", at: N(45, 900), connectors: ["CHAdeMO", "CCS"], powerKw: 62.5, network: "OtherNet", isPartner: true },
  { id: "nb_B", at: N(90, 1200), connectors: ["NACS"], powerKw: 250 },
  { id: "nb_F", at: N(180, 1500), connectors: ["CCS"], powerKw: 350 },
  { id: "nb_IN", at: N(0, 1995), connectors: ["J1772"], powerKw: 11 },
  { id: "nb_OUT", at: N(0, 2005), connectors: ["J1772"], powerKw: 11 },
];

type MerchantSpec = {
  id: string;
  at: { lat: number; lng: number };
  status?: "ACTIVE" | "SUSPENDED" | "PENDING";
  chargerId?: string;
  locations?: { lat: number; lng: number }[];
  offers: {
    title: string;
    novaPrice: number;
    active?: boolean;
    startsAt?: Date;
    endsAt?: Date;
    unlockOnly?: boolean;
  }[];
};

const hour = 3600_000;
const past = new Date(Date.now() - 24 * hour);
const live = (title: string, novaPrice: number) => ({ title, novaPrice, startsAt: past });
export const MERCHANTS: MerchantSpec[] = [
  // beside A but not perks: suspended, and only an ended offer and one a campaign must unlock
  { id: "nbm_3", at: N(0, 200), status: "SUSPENDED", offers: [live("Suspended latte", 100)] },
  {
    id: "nbm_4",
    at: N(0, 250),
    offers: [
      { title: "Ended", novaPrice: 100, startsAt: past, endsAt: new Date(Date.now() - hour) },
      { ...live("Campaign only", 100), unlockOnly: true },
    ],
  },
  // attached to A but suspended: not a perk
  { id: "nbm_8", at: N(0, 120), status: "SUSPENDED", chargerId: "nb_A", offers: [live("Nope", 10)] },
  // attached to C (planned) from 3 km away: listed with its real walk
  { id: "nbm_7", at: N(180, 3500), chargerId: "nb_C", offers: [live("Attached tacos", 300)] },
  // 600 m beyond D: a 10-minute walk; 700 m beyond: too far
  { id: "nbm_6", at: N(270, 1300), offers: [live("Donut", 80)] },
  { id: "nbm_5", at: N(270, 1400), offers: [live("Too far", 80)] },
  // Square locations 200 m and 300 m beyond B; the merchant's own address is 5 km away (not a pin)
  { id: "nbm_2", at: N(90, 6200), locations: [N(90, 1400), N(90, 1500)], offers: [live("Bagel", 120)] },
  // 400 m beyond F (own pin): two live offers, one paused, one ended, one not started, one campaign-only
  {
    id: "nbm_1",
    at: N(180, 1900),
    offers: [
      live("Coffee", 200),
      live("Cookie", 50),
      { ...live("Secret", 5), unlockOnly: true },
      { title: "Paused", novaPrice: 10, startsAt: past, active: false },
      { title: "Over", novaPrice: 10, startsAt: past, endsAt: new Date(Date.now() - hour) },
      { title: "Soon", novaPrice: 10, startsAt: new Date(Date.now() + hour) },
    ],
  },
];

/** Extra chargers elsewhere, each on its own network so a query can pick them out. */
export const ELSEWHERE: ChargerSpec[] = [
  { id: "pair_dallas", at: { lat: 32.7767, lng: -96.797 }, connectors: ["CCS"], powerKw: 150, network: "pairs" },
  { id: "pair_la", at: { lat: 34.0522, lng: -118.2437 }, connectors: ["CCS"], powerKw: 150, network: "pairs" },
  { id: "us_miami", at: { lat: 25.7617, lng: -80.1918 }, connectors: ["CCS"], powerKw: 50, network: "usnet" },
  { id: "us_seattle", at: { lat: 47.6062, lng: -122.3321 }, connectors: ["CCS"], powerKw: 50, network: "usnet" },
  { id: "us_maine", at: { lat: 44.8, lng: -68.8 }, connectors: ["CCS"], powerKw: 50, network: "usnet" },
  { id: "us_honolulu", at: { lat: 21.3069, lng: -157.8583 }, connectors: ["CCS"], powerKw: 50, network: "usnet" },
  { id: "us_anchorage", at: { lat: 61.2181, lng: -149.9003 }, connectors: ["CCS"], powerKw: 50, network: "usnet" },
  { id: "edge_in", at: { lat: 35.0099999, lng: -106.0 }, connectors: ["CCS"], powerKw: 50, network: "edge" },
  { id: "edge_out", at: { lat: 35.0100001, lng: -106.0 }, connectors: ["CCS"], powerKw: 50, network: "edge" },
];

/** When the scenario's chargers were "imported" (later than any real import, so it is the newest). */
export const SCENARIO_IMPORTED_AT = new Date("2030-01-02T03:04:05.000Z");

/** Writes the scenario once per database (test files share the run's database). */
export async function seedNearbyScenario(db: Db, importedAt = SCENARIO_IMPORTED_AT) {
  if (await db.charger.findUnique({ where: { id: "nb_A" }, select: { id: true } })) return;
  await db.charger.createMany({
    data: [...CHARGERS, ...ELSEWHERE].map((c) => ({
      id: c.id,
      externalId: `ext-${c.id}`,
      name: `Charger ${c.id}`,
      network: c.network ?? "NDTest",
      address: `${c.id} Road`,
      latitude: c.at.lat,
      longitude: c.at.lng,
      connectors: c.connectors,
      powerKw: c.powerKw,
      status: c.status ?? "E",
      accessCode: c.accessCode ?? "public",
      isPartner: c.isPartner ?? false,
      source: "nrel",
      importedAt,
    })),
  });
  for (const m of MERCHANTS) {
    await db.merchant.create({
      data: {
        id: m.id,
        slug: `slug-${m.id}`,
        name: `Shop ${m.id}`,
        category: "Coffee",
        address: `${m.id} Street`,
        latitude: m.at.lat,
        longitude: m.at.lng,
        qrToken: `qr-${m.id}`,
        status: m.status ?? "ACTIVE",
        chargerId: m.chargerId,
        offers: {
          create: m.offers.map((o, i) => ({ id: `${m.id}_o${i}`, description: o.title, ...o })),
        },
        locations: {
          create: (m.locations ?? []).map((l, i) => ({
            id: `${m.id}_l${i}`,
            squareLocationId: `sq-${m.id}-${i}`,
            name: `${m.id} location ${i}`,
            latitude: l.lat,
            longitude: l.lng,
          })),
        },
      },
    });
  }
}
