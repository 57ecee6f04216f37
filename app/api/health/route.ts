import { json, route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route("/api/health", async () => json({ status: "ok" }));
