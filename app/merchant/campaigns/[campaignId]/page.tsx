import type { Metadata } from "next";
import { TRIGGER_WORDS, type Trigger } from "@/lib/campaigns";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { loadCampaignPage, triggerChoices } from "@/components/campaigns/load-campaign-page";
import { OwnersOnlyCampaigns } from "@/components/campaigns/owners-only-campaigns";
import { loadShopCampaignAccess } from "@/components/campaigns/shop-owner-gate";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

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
  const { campaign } = page;
  return (
    <>
      <BackLink href="/merchant/campaigns">Campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={TRIGGER_WORDS[campaign.trigger as Trigger] ?? campaign.trigger}
        actions={<CampaignStatusBadge status={campaign.status} enabled={campaign.enabled} />}
      />
      {(await searchParams).created && campaign.status === "DRAFT" ? (
        <Notice tone="success" className="mb-4">
          Created as a draft. Simulate it below, then launch it when the numbers look right.
        </Notice>
      ) : null}
      <CampaignDetail page={page} surface="merchant" triggers={triggerChoices("merchant")} />
    </>
  );
}
