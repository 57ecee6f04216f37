import { z } from "zod";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";
import { listNearbyPlaces } from "@/lib/nearby-places";

export const dynamic = "force-dynamic";

const params = z.object({ chargerId: z.string().min(1).max(64) });

/**
 * Places (Google) within walking distance of a charger, as a list for its sheet — never as map
 * markers (Google's terms). A 429 or an outage at Google answers an empty list with a note.
 */
export const GET = route(
  { name: "/api/discovery/chargers/[chargerId]/places", permission: "driver:use", params },
  async ({ actor, params }) => {
    const answer = await listNearbyPlaces(params.chargerId, { userId: actor.userId });
    if (!answer) throw notFound("That charger");
    return answer;
  },
);
