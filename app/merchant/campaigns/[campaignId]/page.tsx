import type { Metadata } from "next";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import { CampaignPageTop } from "@/components/campaigns/campaign-page-top";
import { loadCampaignPage, triggerChoices } from "@/components/campaigns/load-campaign-page";
import { OwnersOnlyCampaigns } from "@/components/campaigns/owners-only-campaigns";
import { loadShopCampaignAccess } from "@/components/campaigns/shop-owner-gate";
import { NoMerchant } from "@/components/merchant/no-merchant";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaign" };

type Props = { params: Promise<{ campaignId: string }>; searchParams: Promise<{ created?: string }> };

export default async function ShopCampaignPage({ params, searchParams }: Props) {
  const { campaignId } = await params;
  const { actor, merchant, owner } = await loadShopCampaignAccess();
  if (!merchant) return <NoMerchant />;
  if (!owner) return <OwnersOnlyCampaigns />;
  // the domain answers not found for another shop's campaign
  const page = await loadCampaignPage(actor, campaignId);
  return (
    <>
      <CampaignPageTop page={page} backHref="/merchant/campaigns" justCreated={Boolean((await searchParams).created)} />
      <CampaignDetail page={page} surface="merchant" triggers={triggerChoices("merchant")} />
    </>
  );
}
