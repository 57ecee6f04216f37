import { route } from "@/lib/http";
import { versionInfo } from "@/lib/ops";

export const dynamic = "force-dynamic";

export const GET = route({ name: "/api/version", permission: "public" }, async () => versionInfo());
