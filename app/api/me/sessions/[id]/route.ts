import { recordAudit } from "@/lib/audit";
import { revokeSession } from "@/lib/auth";
import { notFound } from "@/lib/errors";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const DELETE = route(
  { name: "/api/me/sessions/[id]", permission: "account:manage" },
  async ({ session, params, meta }) => {
    // scoped to the caller: another person's session id matches nothing
    if (!(await revokeSession(session.user.id, params.id))) throw notFound("That session");
    await recordAudit({
      action: "auth.session_revoked",
      actorId: session.user.id,
      targetType: "session",
      targetId: params.id,
      ...meta,
    });
    return { revoked: params.id };
  },
);
