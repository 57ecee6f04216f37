import { connection } from "next/server";
import { Badge } from "./badge";

/**
 * "Sandbox" when no provider keys are configured (payments, cars and texts are simulated).
 * Read per request, not at build time, so the label follows the running server's env.
 */
export async function SandboxPill() {
  await connection();
  if (process.env.STRIPE_SECRET_KEY) return null;
  return (
    <Badge tone="warning">
      <span className="size-1.5 rounded-full bg-amber-500" aria-hidden="true" />
      Sandbox
      <span className="sr-only">: providers are simulated, no real money moves</span>
    </Badge>
  );
}
