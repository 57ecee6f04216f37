import { json, route } from "@/lib/http";
import { grantInput, grantNova } from "@/lib/rewards";

export const dynamic = "force-dynamic";

// JSON twin of the admin grant form (scripts, load tests). Same checks, same domain call.
export const POST = route(
  { name: "/api/admin/grants", permission: "admin:grant", body: grantInput },
  async ({ actor, body, meta }) => {
    const posted = await grantNova(actor, body, meta);
    return json(posted, posted.replayed ? 200 : 201);
  },
);
