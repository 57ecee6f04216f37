import { findNearbyStandIn, nearbyQuery } from "@/lib/discovery";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Chargers (with the partner perks beside them) in a box or around a point: what the driver's map shows. */
// TEMPORARY: the in-code stand-in; at merge this calls the PostgreSQL `findNearby`.
export const GET = route(
  { name: "/api/discovery/nearby", permission: "driver:use", query: nearbyQuery },
  async ({ query }) => findNearbyStandIn(query),
);
