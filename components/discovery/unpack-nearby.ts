// The map's side of lib/discovery/nearby-wire.ts: the packed tuples back into the contract's shape.
import type { NearbyCharger, NearbyPerk, NearbyResult } from "@/lib/discovery/nearby-contract";
import type { NearbyWire, WireMerchant, WirePin } from "@/lib/discovery/nearby-wire";

type Pin = Omit<NearbyPerk, "distanceMeters" | "walkMinutes">;

/** An entry of a list the answer carries, or undefined for a position that is not one. */
const at = <T>(list: T[], position: number): T | undefined =>
  Number.isInteger(position) && position >= 0 ? list[position] : undefined;

function pinsOf(merchants: WireMerchant[], pins: WirePin[]): (Pin | undefined)[] {
  const offers = merchants.map(([, , , list]) => list.map(([id, title, novaPrice]) => ({ id, title, novaPrice })));
  return pins.map(([m, latitude, longitude]) => {
    const merchant = at(merchants, m);
    if (!merchant) return undefined;
    const [merchantId, name, category] = merchant;
    return { merchantId, name, category, latitude, longitude, offers: offers[m] };
  });
}

/** Back to the contract's shape; a perk pointing at a pin or merchant the answer lacks is dropped. */
export function unpackNearby(wire: NearbyWire): NearbyResult {
  const pins = pinsOf(wire.merchants, wire.pins);
  const chargers = wire.chargers.map(
    ([
      id,
      name,
      network,
      address,
      latitude,
      longitude,
      powerKw,
      connectors,
      status,
      accessHours,
      partner,
      distance,
      perks,
    ]): NearbyCharger => ({
      id,
      name,
      network,
      address,
      latitude,
      longitude,
      powerKw,
      connectors,
      status,
      accessHours,
      isPartner: partner === 1,
      distanceMeters: distance,
      perks: perks.flatMap(([p, distanceMeters, walkMinutes]) => {
        const pin = at(pins, p);
        return pin ? [{ ...pin, distanceMeters, walkMinutes }] : [];
      }),
    }),
  );
  return { chargers, truncated: wire.truncated, asOf: wire.asOf };
}
