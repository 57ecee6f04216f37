import { pingInput, recordPing } from "@/lib/charging";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The phone's location while charging (sent by the charge page's geolocation watcher). */
export const POST = route(
  { name: "/api/charging/sessions/[sessionId]/pings", permission: "driver:use", body: pingInput },
  async ({ actor, params, body }) => {
    await recordPing(actor, params.sessionId, body);
    return json({ ok: true }, 201);
  },
);
