import { TRIGGER_WORDS, type Trigger } from "@/lib/campaigns";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { CampaignStatusBadge } from "./campaign-status-badge";
import type { CampaignPage } from "./load-campaign-page";

type Props = { page: CampaignPage; backHref: string; scope?: string; justCreated: boolean };

/** A campaign page's top, for admins and shop owners: back link, name, trigger, status, the draft hint. */
export function CampaignPageTop({ page: { campaign }, backHref, scope, justCreated }: Props) {
  const trigger = TRIGGER_WORDS[campaign.trigger as Trigger] ?? campaign.trigger;
  return (
    <>
      <BackLink href={backHref}>Campaigns</BackLink>
      <PageHeader
        title={campaign.name}
        description={scope ? `${scope} · ${trigger}` : trigger}
        actions={<CampaignStatusBadge status={campaign.status} enabled={campaign.enabled} />}
      />
      {justCreated && campaign.status === "DRAFT" ? (
        <Notice tone="success" className="mb-4">
          Created as a draft. Simulate it below, then launch it when the numbers look right.
        </Notice>
      ) : null}
    </>
  );
}
