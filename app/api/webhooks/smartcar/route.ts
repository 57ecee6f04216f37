import { json, route } from "@/lib/http";
import { smartcarWebhook } from "@/lib/vehicles";
import { receiveWebhook } from "@/lib/webhooks";

export const dynamic = "force-dynamic";

/** Raw body → signature → the event stored by its id and handled in one transaction (5xx on failure, so Smartcar retries). */
export const POST = route("/api/webhooks/smartcar", async (req) =>
  json(await receiveWebhook(smartcarWebhook(), await req.text(), req.headers)),
);
