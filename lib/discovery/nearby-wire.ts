// The nearby answer as the route sends it: tuples (arrays) instead of objects, so no key is
// repeated per charger, perk and offer; each partner merchant (name, category, offers) and each of
// its pins once per answer, referenced by position (chargers a few hundred metres apart share most
// of their perks); coordinates to 6 decimals (about 0.1 m) and distances in whole metres. A dense
// city's 2 km answer went from 352 KB (objects, perks repeated) to 196 KB (objects, merchants
// once) to about 50 KB. The map unpacks it (components/discovery/unpack-nearby.ts) into the
// contract's shape.
import type { NearbyPerk, NearbyResult } from "./nearby-contract";

/** [id, title, novaPrice] */
export type WireOffer = [string, string, number];
/** [merchantId, name, category, offers] */
export type WireMerchant = [string, string, string, WireOffer[]];
/** [position in `merchants`, latitude, longitude]: where a merchant is (a Square location, or its address) */
export type WirePin = [number, number, number];
/** [position in `pins`, distanceMeters, walkMinutes] */
export type WirePerk = [number, number, number];
/**
 * [id, name, network, address, latitude, longitude, powerKw, connectors, status, accessHours,
 * isPartner (1 or 0), distanceMeters, perks]
 */
export type WireCharger = [
  string,
  string,
  string | null,
  string,
  number,
  number,
  number | null,
  string[],
  string,
  string | null,
  0 | 1,
  number,
  WirePerk[],
];

export type NearbyWire = {
  chargers: WireCharger[];
  merchants: WireMerchant[];
  pins: WirePin[];
  truncated: boolean;
  asOf: string | null;
};

const coordinate = (n: number) => Math.round(n * 1e6) / 1e6;

export function packNearby(result: NearbyResult): NearbyWire {
  const merchants: WireMerchant[] = [];
  const pins: WirePin[] = [];
  const merchantAt = new Map<string, number>();
  const pinAt = new Map<string, number>();
  const pinOf = (p: NearbyPerk): number => {
    const [lat, lng] = [coordinate(p.latitude), coordinate(p.longitude)];
    const key = `${p.merchantId}@${lat},${lng}`;
    let at = pinAt.get(key);
    if (at === undefined) {
      let m = merchantAt.get(p.merchantId);
      if (m === undefined) {
        m = merchants.push([p.merchantId, p.name, p.category, p.offers.map((o) => [o.id, o.title, o.novaPrice])]) - 1;
        merchantAt.set(p.merchantId, m);
      }
      at = pins.push([m, lat, lng]) - 1;
      pinAt.set(key, at);
    }
    return at;
  };
  const chargers = result.chargers.map((c): WireCharger => [
    c.id,
    c.name,
    c.network,
    c.address,
    coordinate(c.latitude),
    coordinate(c.longitude),
    c.powerKw,
    c.connectors,
    c.status,
    c.accessHours,
    c.isPartner ? 1 : 0,
    Math.round(c.distanceMeters),
    c.perks.map((p): WirePerk => [pinOf(p), Math.round(p.distanceMeters), p.walkMinutes]),
  ]);
  return { chargers, merchants, pins, truncated: result.truncated, asOf: result.asOf };
}
