import { CircleCheckIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listOpenClaims } from "@/lib/charging";
import { ClaimListTable } from "@/components/admin/claim-list-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Claims" };

export default async function AdminClaimsPage() {
  const session = await requirePagePermission("admin:manage-claims", "/admin/claims");
  const claims = await listOpenClaims(actorOf(session));
  return (
    <>
      <PageHeader
        title="Reward claims"
        description="Drivers who say a charging session should have earned. Oldest first; times in UTC."
      />
      {claims.length === 0 ? (
        <EmptyState
          icon={<CircleCheckIcon className="size-6" />}
          title="No open claims"
          description="When a driver files a claim for a session that didn’t verify, it appears here with the car’s and phone’s evidence."
        />
      ) : (
        <ClaimListTable claims={claims} />
      )}
    </>
  );
}
