import { json, route } from "@/lib/http";
import { versionInfo } from "@/lib/ops";

export const dynamic = "force-dynamic";

export const GET = route("/api/version", async () => json(versionInfo()));
