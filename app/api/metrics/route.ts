import { route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/observability";
import { canReadMetrics } from "@/lib/ops";

export const dynamic = "force-dynamic";

export const GET = route("/api/metrics", async (req) => {
  if (!canReadMetrics(req.headers.get("authorization"))) {
    throw new AppError("unauthorized", "A valid metrics token is required.", { "WWW-Authenticate": "Bearer" });
  }
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
