import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { listTeam, type Team } from "@/lib/merchants";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { InviteMemberForm } from "@/components/merchant/invite-member-form";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { TeamList } from "@/components/merchant/team-list";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Team" };

export default async function MerchantTeamPage() {
  await requirePagePermission("merchant:operate", "/merchant/team");
  const { actor, working } = await loadCurrentMerchant();
  const header = (
    <PageHeader title="Team" description="Who can work on this merchant, and the invitations still open." />
  );
  if (working.kind !== "one") {
    return (
      <>
        {header}
        <NoMerchant />
      </>
    );
  }
  const merchantId = working.merchant.id;
  let team: Team;
  try {
    team = await listTeam(actor, merchantId);
  } catch (err) {
    // staff see the domain's refusal (403) as a sentence instead of the team
    if (err instanceof AppError && err.code === "forbidden") {
      return (
        <>
          {header}
          <Notice tone="warning">{err.message}</Notice>
        </>
      );
    }
    throw err;
  }
  return (
    <>
      {header}
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-[3fr_2fr]">
        <TeamList team={team} merchantId={merchantId} />
        <Card as="section" aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="mb-4 text-lg font-semibold text-slate-900">
            Invite someone
          </h2>
          <InviteMemberForm merchantId={merchantId} />
        </Card>
      </div>
    </>
  );
}
