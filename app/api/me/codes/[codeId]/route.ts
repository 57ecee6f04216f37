import { authorize, sessionFromRequest } from "@/lib/auth";
import { json, notFound, route } from "@/lib/http";
import { readDriverCodeStatus } from "@/lib/merchants/redemptions";

export const dynamic = "force-dynamic";

/** One of the signed-in driver's codes: its status and countdown (the code page polls it). */
export const GET = route<{ codeId: string }>("/api/me/codes/[codeId]", async (req, { params }) => {
  const session = authorize(await sessionFromRequest(req), "driver:use");
  // another driver's code id is indistinguishable from a missing one
  const code = await readDriverCodeStatus(session.user.id, params.codeId);
  if (!code) throw notFound("That code");
  return json(code);
});
