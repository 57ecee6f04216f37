import { assertSameOrigin, authorize, revokeSession, sessionFromRequest } from "@/lib/auth";
import { recordAudit } from "@/lib/audit";
import { metaFromHeaders } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { notFound } from "@/lib/errors";

export const dynamic = "force-dynamic";

export const DELETE = route<{ id: string }>("/api/me/sessions/[id]", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "account:manage");
  assertSameOrigin(req.headers);
  // scoped to the caller: another person's session id matches nothing
  if (!(await revokeSession(session.user.id, params.id))) throw notFound("That session");
  await recordAudit({
    action: "auth.session_revoked",
    actorId: session.user.id,
    targetType: "session",
    targetId: params.id,
    ...metaFromHeaders(req.headers),
  });
  return json({ revoked: params.id });
});
