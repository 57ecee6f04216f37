import { actorOf, authorize, listSessions, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route("/api/me/sessions", async (req) => {
  const session = authorize(await sessionFromRequest(req), "account:manage");
  const sessions = await listSessions(actorOf(session));
  return json({ sessions: sessions.map((s) => ({ ...s, current: s.id === session.sessionId })) });
});
