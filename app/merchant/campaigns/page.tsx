import { MegaphoneIcon } from "lucide-react";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { listCampaignSummaries } from "@/lib/campaigns";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { OwnersOnlyCampaigns } from "@/components/campaigns/owners-only-campaigns";
import { loadShopCampaignAccess } from "@/components/campaigns/shop-owner-gate";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaigns" };

export default async function MerchantCampaignsPage() {
  const { actor, merchant, owner } = await loadShopCampaignAccess();
  const header = (actions?: ReactNode) => (
    <PageHeader
      title="Campaigns"
      description="Bonuses for drivers who buy or redeem at your business, paid by Nerava’s rules engine."
      actions={actions}
    />
  );
  if (!merchant)
    return (
      <>
        {header()}
        <NoMerchant />
      </>
    );
  if (!owner)
    return (
      <>
        {header()}
        <OwnersOnlyCampaigns />
      </>
    );
  const campaigns = await listCampaignSummaries(actor, { merchantId: merchant.id });
  const newCampaign = <ButtonLink href="/merchant/campaigns/new">New campaign</ButtonLink>;
  return (
    <>
      {header(campaigns.length ? newCampaign : null)}
      {campaigns.length ? (
        <CampaignsTable campaigns={campaigns} basePath="/merchant/campaigns" />
      ) : (
        <EmptyState
          icon={<MegaphoneIcon className="size-6" />}
          title="No campaigns yet"
          description="Reward a driver’s purchase or redemption here with bonus Nova, cash or an unlocked offer. Simulate it on last month’s visits before it goes live."
          action={newCampaign}
        />
      )}
    </>
  );
}
