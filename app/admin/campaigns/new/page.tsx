import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listUnlockableOffers } from "@/lib/campaigns";
import { config } from "@/lib/config";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { newCampaignValues, triggerChoices } from "@/components/campaigns/load-campaign-page";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New campaign" };

export default async function NewAdminCampaignPage() {
  const session = await requirePagePermission("admin:campaigns", "/admin/campaigns/new");
  const offers = await listUnlockableOffers(actorOf(session), null);
  return (
    <>
      <BackLink href="/admin/campaigns">Campaigns</BackLink>
      <PageHeader
        title="New campaign"
        description="It starts as a draft: simulate it on its page, then launch it. Nothing pays until it is live."
      />
      <CampaignForm
        target={{ kind: "create", surface: "admin" }}
        requestKey={crypto.randomUUID()}
        values={newCampaignValues("session_verified")}
        triggers={triggerChoices("admin")}
        offers={offers}
        businessZone={config().BUSINESS_TIME_ZONE}
      />
    </>
  );
}
