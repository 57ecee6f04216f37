import { findNearby, nearbyQuery, packNearby } from "@/lib/discovery";
import { json, route } from "@/lib/http";
import { UNKNOWN_IP } from "@/lib/auth";
import { rateLimit } from "@/lib/rate-limit";

export const dynamic = "force-dynamic";

// Chargers and partner perks for the map. Public: guests browse the map as well as drivers.
// Rate-limited per network address (an address that cannot be known is not limited: one
// shared bucket would block every such visitor at once). The answer, packed by nearby-wire.ts
// (each merchant once), holds no personal data; browsers may keep it 30 s, shared caches may not.
export const GET = route(
  { name: "/api/discovery/nearby", permission: "public", query: nearbyQuery },
  async ({ query, meta }) => {
    if (meta.ip !== UNKNOWN_IP) await rateLimit("nearbyPerIp", meta.ip);
    return json(packNearby(await findNearby(query)), 200, { "Cache-Control": "private, max-age=30" });
  },
);
