import { actorOf, assertSameOrigin, authorize, metaFromHeaders, sessionFromRequest } from "@/lib/auth";
import { json, route } from "@/lib/http";
import { grantInput, grantNova } from "@/lib/rewards";

export const dynamic = "force-dynamic";

// JSON twin of the admin grant form (scripts, load tests). Same checks, same domain call.
export const POST = route("/api/admin/grants", async (req) => {
  const session = authorize(await sessionFromRequest(req), "admin:grant");
  assertSameOrigin(req.headers);
  const input = grantInput.parse(await req.json().catch(() => ({})));
  const posted = await grantNova(actorOf(session), input, metaFromHeaders(req.headers));
  return json(posted, posted.replayed ? 200 : 201);
});
