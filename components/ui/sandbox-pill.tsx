import { connection } from "next/server";
import { activeSandboxTwins, config } from "@/lib/config";
import { Badge } from "./badge";

/**
 * "Sandbox" while any provider runs as its sandbox twin (cars, texts, email or Google are simulated).
 * Read per request, not at build time, so the label follows the running server's env.
 */
export async function SandboxPill() {
  await connection();
  if (activeSandboxTwins(config()).length === 0) return null;
  return (
    <Badge tone="warning">
      <span className="size-1.5 rounded-full bg-amber-500" aria-hidden="true" />
      Sandbox
      <span className="sr-only">: some providers are simulated</span>
    </Badge>
  );
}
