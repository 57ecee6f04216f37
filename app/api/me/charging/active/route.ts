import { authorize, sessionFromRequest } from "@/lib/auth";
import { readDriverCharging } from "@/lib/charging";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The signed-in driver's charging now (the live charge screen polls it). */
export const GET = route("/api/me/charging/active", async (req) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  return json(await readDriverCharging(session.user.id));
});
