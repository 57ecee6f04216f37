import { actorOf, assertSameOrigin, authorize, metaFromHeaders, revokeSession, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string }>("/api/me/sessions/[id]", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "account:manage");
  assertSameOrigin(req.headers);
  await revokeSession(actorOf(session), params.id, metaFromHeaders(req.headers));
  return json({ revoked: params.id });
});
