import { redirect } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { renewSetupLink } from "@/lib/payouts";

export const dynamic = "force-dynamic";

/**
 * Stripe sends the driver here when an onboarding link expired or was already used: a new link
 * for the signed-in driver (links are single use and last minutes), then straight back to Stripe.
 */
export default async function CashOutSetupRefreshPage() {
  const actor = actorOf(await requirePagePermission("driver:use", "/app/cash-out/refresh"));
  const link = await renewSetupLink(actor);
  redirect(link?.url ?? "/app/cash-out");
}
