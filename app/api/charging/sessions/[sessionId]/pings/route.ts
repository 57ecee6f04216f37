import { actorOf, assertSameOrigin, authorize, sessionFromRequest } from "@/lib/auth";
import { pingInput, recordPing } from "@/lib/charging";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The phone's location while charging (sent by the charge page's geolocation watcher). */
export const POST = route<{ sessionId: string }>(
  "/api/charging/sessions/[sessionId]/pings",
  async (req, { params }) => {
    const session = authorize(await sessionFromRequest(req), "driver:use");
    assertSameOrigin(req.headers);
    const ping = pingInput.parse(await req.json().catch(() => ({})));
    await recordPing(actorOf(session), params.sessionId, ping);
    return json({ ok: true }, 201);
  },
);
