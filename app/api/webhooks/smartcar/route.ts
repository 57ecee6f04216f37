import { config } from "@/lib/config";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http";
import { handleSmartcarWebhook, verifySmartcarSignature } from "@/lib/vehicles";

export const dynamic = "force-dynamic";

/**
 * Raw body → signature → stored event id (replays are no-ops) → handled; failures answer 5xx so
 * Smartcar retries. Public with no origin check: the signature is the authentication, and the
 * raw body is read from ctx.req because the signature covers its exact bytes.
 */
export const POST = route(
  { name: "/api/webhooks/smartcar", permission: "public", sameOrigin: false },
  async ({ req }) => {
    const secret = config().SMARTCAR_WEBHOOK_SECRET;
    if (!secret) throw new AppError("not_configured", "Smartcar webhooks are not configured.");
    const raw = await req.text();
    if (!verifySmartcarSignature(secret, raw, req.headers.get("sc-signature"))) {
      throw new AppError("bad_signature", "Signature missing or wrong.");
    }
    return handleSmartcarWebhook(secret, raw);
  },
);
