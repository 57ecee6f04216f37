import { json, route } from "@/lib/http";
import { checkReadiness } from "@/lib/ops";

export const dynamic = "force-dynamic";

export const GET = route({ name: "/api/ready", permission: "public" }, async () => {
  const readiness = await checkReadiness();
  return json(readiness, readiness.ready ? 200 : 503);
});
