import { config } from "@/lib/config";
import { json, route } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { handleSmartcarWebhook, verifySmartcarSignature } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/** Raw body → signature → stored event id (replays are no-ops) → handled; failures answer 5xx so Smartcar retries. */
export const POST = route("/api/webhooks/smartcar", async (req) => {
  const secret = config().SMARTCAR_WEBHOOK_SECRET;
  if (!secret) throw new AppError("not_configured", "Smartcar webhooks are not configured.");
  const raw = await req.text();
  if (!verifySmartcarSignature(secret, raw, req.headers.get("sc-signature"))) {
    throw new AppError("bad_signature", "Signature missing or wrong.");
  }
  return json(await handleSmartcarWebhook(secret, raw));
});
