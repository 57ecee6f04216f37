// The nearby answer as the route sends it: each partner merchant's name, category and offers once
// per answer (chargers a few hundred metres apart share most of their perks; repeating them made
// a dense-city answer 352 KB), coordinates to 6 decimals (about 0.1 m) and distances in whole
// metres. The map unpacks it (components/discovery/unpack-nearby.ts) into the contract's shape.
import type { NearbyCharger, NearbyOffer, NearbyResult } from "./nearby-contract";

export type WireMerchant = { name: string; category: string; offers: NearbyOffer[] };

/** A perk as a reference: where the merchant's nearest pin is, and how far from this charger. */
export type WirePerk = {
  merchantId: string;
  latitude: number;
  longitude: number;
  distanceMeters: number;
  walkMinutes: number;
};

export type WireCharger = Omit<NearbyCharger, "perks"> & { perks: WirePerk[] };

export type NearbyWire = {
  chargers: WireCharger[];
  merchants: Record<string, WireMerchant>;
  truncated: boolean;
  asOf: string | null;
};

const coordinate = (n: number) => Math.round(n * 1e6) / 1e6;

export function packNearby(result: NearbyResult): NearbyWire {
  const merchants: Record<string, WireMerchant> = {};
  const chargers = result.chargers.map(({ perks, ...charger }) => ({
    ...charger,
    latitude: coordinate(charger.latitude),
    longitude: coordinate(charger.longitude),
    distanceMeters: Math.round(charger.distanceMeters),
    perks: perks.map(({ name, category, offers, ...perk }) => {
      merchants[perk.merchantId] ??= { name, category, offers };
      return {
        ...perk,
        latitude: coordinate(perk.latitude),
        longitude: coordinate(perk.longitude),
        distanceMeters: Math.round(perk.distanceMeters),
      };
    }),
  }));
  return { chargers, merchants, truncated: result.truncated, asOf: result.asOf };
}
