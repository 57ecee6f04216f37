import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { TRIGGER_WORDS, type Trigger } from "@/lib/campaigns";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { loadCampaignPage, triggerChoices } from "@/components/campaigns/load-campaign-page";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaign" };

type Props = { params: Promise<{ campaignId: string }>; searchParams: Promise<{ created?: string }> };

export default async function AdminCampaignPage({ params, searchParams }: Props) {
  const { campaignId } = await params;
  const session = await requirePagePermission("admin:campaigns", `/admin/campaigns/${campaignId}`);
  const page = await loadCampaignPage(actorOf(session), campaignId);
  const { campaign } = page;
  return (
    <>
      <BackLink href="/admin/campaigns">Campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={`${campaign.merchantId ? "A shop’s campaign" : "Program-wide"} · ${TRIGGER_WORDS[campaign.trigger as Trigger] ?? campaign.trigger}`}
        actions={<CampaignStatusBadge status={campaign.status} enabled={campaign.enabled} />}
      />
      {(await searchParams).created && campaign.status === "DRAFT" ? (
        <Notice tone="success" className="mb-4">
          Created as a draft. Simulate it below, then launch it when the numbers look right.
        </Notice>
      ) : null}
      <CampaignDetail page={page} surface="admin" triggers={triggerChoices("admin")} />
    </>
  );
}
