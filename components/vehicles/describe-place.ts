import { distanceMeters, formatDistance, type LatLng } from "@/lib/geo";

type Place = LatLng & { name: string };

/** "At Mueller Town Center" or "2.3 km from Mueller Town Center": the nearest charger, when one is close. */
export function describePlace(at: LatLng, chargers: Place[]): string | null {
  let nearest: { name: string; meters: number } | null = null;
  for (const c of chargers) {
    const meters = distanceMeters(at, c);
    if (!nearest || meters < nearest.meters) nearest = { name: c.name, meters };
  }
  if (!nearest || nearest.meters > 50_000) return null;
  return nearest.meters <= 200 ? `At ${nearest.name}` : `${formatDistance(nearest.meters)} from ${nearest.name}`;
}
