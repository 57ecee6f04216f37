import { z } from "zod";
import { actorOf, assertSameOrigin, authorize, metaFromHeaders, sessionFromRequest, suspendUser } from "@/lib/auth";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

const body = z.object({ reason: z.string().trim().min(1, "Give a reason.").max(300) });

export const POST = route<{ id: string }>("/api/admin/users/[id]/suspend", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "admin:manage-users");
  assertSameOrigin(req.headers);
  const { reason } = body.parse(await req.json().catch(() => ({})));
  const result = await suspendUser(actorOf(session), { userId: params.id, reason }, metaFromHeaders(req.headers));
  return json(result);
});
