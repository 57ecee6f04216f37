import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { registerJobMetrics } from "@/lib/jobs";
import { metrics } from "@/lib/observability";
import { canReadMetrics } from "@/lib/ops";
import { registerWalletCertificateMetrics } from "@/lib/wallet";

export const dynamic = "force-dynamic";

// Public to the session layer: Prometheus authenticates with its own bearer token.
export const GET = route({ name: "/api/metrics", permission: "public" }, async ({ req }) => {
  if (!canReadMetrics(req.headers.get("authorization"))) {
    throw new AppError("unauthorized", "A valid metrics token is required.", { "WWW-Authenticate": "Bearer" });
  }
  registerWalletCertificateMetrics();
  registerJobMetrics();
  const { registry } = metrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType } });
});
