import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import { CampaignPageTop } from "@/components/campaigns/campaign-page-top";
import { loadCampaignPage, triggerChoices } from "@/components/campaigns/load-campaign-page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaign" };

type Props = { params: Promise<{ campaignId: string }>; searchParams: Promise<{ created?: string }> };

export default async function AdminCampaignPage({ params, searchParams }: Props) {
  const { campaignId } = await params;
  const session = await requirePagePermission("admin:campaigns", `/admin/campaigns/${campaignId}`);
  const page = await loadCampaignPage(actorOf(session), campaignId);
  return (
    <>
      <CampaignPageTop
        page={page}
        backHref="/admin/campaigns"
        scope={page.campaign.merchantId ? "A shop’s campaign" : "Program-wide"}
        justCreated={Boolean((await searchParams).created)}
      />
      <CampaignDetail page={page} surface="admin" triggers={triggerChoices("admin")} />
    </>
  );
}
