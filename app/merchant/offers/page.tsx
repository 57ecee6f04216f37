import { TagIcon } from "lucide-react";
import type { Metadata } from "next";
import { listMerchantOffers } from "@/lib/offers";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { ManagedOffersTable } from "@/components/merchant/managed-offers-table";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Offers" };

export default async function MerchantOffersPage() {
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard)
    return (
      <>
        <PageHeader title="Offers" />
        <NoMerchant />
      </>
    );
  const merchantId = dashboard.merchant.id;
  const { canManage, offers } = await listMerchantOffers(actor, merchantId);
  return (
    <>
      <PageHeader
        title="Offers"
        description="What drivers can spend Nova on at your business, newest first."
        actions={canManage ? <ButtonLink href="/merchant/offers/new">New offer</ButtonLink> : null}
      />
      {canManage ? null : (
        <Notice tone="info" className="mb-4">
          Only the business’s owners can create or change offers. Ask an owner if one needs changing.
        </Notice>
      )}
      {dashboard.merchant.status !== "ACTIVE" ? (
        <Notice tone="warning" className="mb-4">
          Your business is not active in the program, so drivers do not see these offers right now.
        </Notice>
      ) : null}
      {offers.length > 0 ? (
        <ManagedOffersTable offers={offers} merchantId={merchantId} canManage={canManage} />
      ) : (
        <EmptyState
          icon={<TagIcon className="size-6" />}
          title="No offers yet"
          description={
            canManage
              ? "Create one: drivers see it in their app from its start."
              : "Offers your owners create appear here."
          }
        />
      )}
    </>
  );
}
