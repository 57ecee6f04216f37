import { TagIcon } from "lucide-react";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { loadCurrentDashboard } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { OffersTable } from "@/components/merchant/offers-table";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offers" };

export default async function MerchantOffersPage() {
  await requirePagePermission("merchant:view", "/merchant/offers");
  const dashboard = await loadCurrentDashboard();
  return (
    <>
      <PageHeader title="Offers" description="What drivers can spend Nova on at your business, newest first." />
      {!dashboard ? (
        <NoMerchant />
      ) : dashboard.offers.length > 0 ? (
        <OffersTable offers={dashboard.offers} now={new Date()} />
      ) : (
        <EmptyState
          icon={<TagIcon className="size-6" />}
          title="No offers yet"
          description="Offers you create appear here and in drivers' apps."
        />
      )}
    </>
  );
}
