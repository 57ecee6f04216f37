import { listSessions } from "@/lib/auth";
import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route({ name: "/api/me/sessions", permission: "account:manage" }, async ({ session, actor }) => {
  const sessions = await listSessions(actor);
  return { sessions: sessions.map((s) => ({ ...s, current: s.id === session.sessionId })) };
});
