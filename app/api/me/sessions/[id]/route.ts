import { revokeSession } from "@/lib/auth";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Ends one of the caller's own sessions (another person's session id matches nothing: 404). */
export const DELETE = route(
  { name: "/api/me/sessions/[id]", permission: "account:manage" },
  async ({ actor, params, meta }) => {
    await revokeSession(actor, params.id, meta);
    return { revoked: params.id };
  },
);
