import { authorize, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route("/api/me", async (req) => {
  const { user } = authorize(await sessionFromRequest(req), "account:manage");
  return json({ user });
});
