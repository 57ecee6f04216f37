import type { Metadata } from "next";
import { listUnlockableOffers } from "@/lib/campaigns";
import { config } from "@/lib/config";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { newCampaignValues, triggerChoices } from "@/components/campaigns/load-campaign-page";
import { OwnersOnlyCampaigns } from "@/components/campaigns/owners-only-campaigns";
import { loadShopCampaignAccess } from "@/components/campaigns/shop-owner-gate";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New campaign" };

export default async function NewShopCampaignPage() {
  const { actor, merchant, owner } = await loadShopCampaignAccess();
  if (!merchant) return <NoMerchant />;
  return (
    <>
      <BackLink href="/merchant/campaigns">Campaigns</BackLink>
      <PageHeader
        title="New campaign"
        description={`For ${merchant.name}. It starts as a draft: simulate it on its page, then launch it.`}
      />
      {owner ? (
        <CampaignForm
          target={{ kind: "create", surface: "merchant", merchantId: merchant.id }}
          requestKey={crypto.randomUUID()}
          values={newCampaignValues("purchase_verified")}
          triggers={triggerChoices("merchant")}
          offers={await listUnlockableOffers(actor, merchant.id)}
          businessZone={config().BUSINESS_TIME_ZONE}
        />
      ) : (
        <OwnersOnlyCampaigns />
      )}
    </>
  );
}
