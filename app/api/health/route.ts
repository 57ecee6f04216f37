import { route } from "@/lib/http";

export const dynamic = "force-dynamic";

export const GET = route({ name: "/api/health", permission: "public" }, async () => ({ status: "ok" }));
