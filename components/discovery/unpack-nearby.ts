// The map's side of lib/discovery/nearby-wire.ts: the packed answer back into the contract's shape.
import type { NearbyResult } from "@/lib/discovery/nearby-contract";
import type { NearbyWire } from "@/lib/discovery/nearby-wire";

/** Back to the contract's shape; a reference to a merchant the answer lacks is dropped. */
export function unpackNearby(wire: NearbyWire): NearbyResult {
  const chargers = wire.chargers.map((charger) => ({
    ...charger,
    perks: charger.perks.flatMap((perk) => {
      const merchant = Object.hasOwn(wire.merchants, perk.merchantId) ? wire.merchants[perk.merchantId] : undefined;
      return merchant ? [{ ...perk, ...merchant }] : [];
    }),
  }));
  return { chargers, truncated: wire.truncated, asOf: wire.asOf };
}
