import { StoreIcon } from "lucide-react";
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/admin";
import { actorOf, can, requirePagePermission } from "@/lib/auth";
import { listPendingMerchants } from "@/lib/merchants";
import { MerchantCounts } from "@/components/admin/merchant-counts";
import { MerchantsTable } from "@/components/admin/merchants-table";
import { PendingMerchants } from "@/components/admin/pending-merchants";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merchants" };

export default async function AdminMerchantsPage() {
  const session = await requirePagePermission("admin:view", "/admin/merchants");
  const actor = actorOf(session);
  const { merchants, recentMerchants } = await getAdminOverview(actor);
  const pending = can(actor.role, "admin:manage-merchants") ? await listPendingMerchants(actor) : [];
  return (
    <>
      <PageHeader title="Merchants" description="Businesses in the program and their review status." />
      <StatGrid label="Merchants by status" className="mb-8">
        <MerchantCounts merchants={merchants} />
      </StatGrid>
      {pending.length > 0 ? <PendingMerchants merchants={pending} /> : null}
      {recentMerchants.length > 0 ? (
        <>
          <MerchantsTable merchants={recentMerchants} caption="Most recent merchants" />
          <p className="mt-3 text-sm text-slate-500">
            Showing the {recentMerchants.length} newest. Search and suspension arrive with the admin console.
          </p>
        </>
      ) : (
        <EmptyState
          icon={<StoreIcon className="size-6" />}
          title="No merchants yet"
          description="Businesses appear here as they sign up, with their review status."
        />
      )}
    </>
  );
}
