import { MegaphoneIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listCampaignSummaries } from "@/lib/campaigns";
import { CampaignsTable } from "@/components/campaigns/campaigns-table";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaigns" };

export default async function AdminCampaignsPage() {
  const session = await requirePagePermission("admin:campaigns", "/admin/campaigns");
  const campaigns = await listCampaignSummaries(actorOf(session));
  const newCampaign = <ButtonLink href="/admin/campaigns/new">New campaign</ButtonLink>;
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Bonuses on top of the base earning rule: program-wide and shops’ own. Newest first."
        actions={campaigns.length ? newCampaign : null}
      />
      {campaigns.length === 0 ? (
        <EmptyState
          icon={<MegaphoneIcon className="size-6" />}
          title="No campaigns yet"
          description="Create one as a draft, simulate it against the last days of real charging and purchases, then launch it."
          action={newCampaign}
        />
      ) : (
        <CampaignsTable campaigns={campaigns} basePath="/admin/campaigns" />
      )}
    </>
  );
}
