import type { Metadata } from "next";
import { requireMembership } from "@/lib/access";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { OfferForm } from "@/components/merchant/offer-form";
import { OwnersOnly } from "@/components/merchant/owners-only";
import { BackLink } from "@/components/ui/back-link";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New offer" };

export default async function NewOfferPage() {
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard) return <NoMerchant />;
  const { merchant } = dashboard;
  const { role } = await requireMembership(actor, merchant.id, "merchant:view");
  return (
    <>
      <BackLink href="/merchant/offers">Offers</BackLink>
      <PageHeader title="New offer" description="Drivers spend Nova on it at your business." />
      {role !== "OWNER" ? (
        <OwnersOnly />
      ) : (
        <OfferForm
          merchant={{ id: merchant.id, name: merchant.name, category: merchant.category, address: merchant.address }}
          requestKey={crypto.randomUUID()}
          values={{
            title: "",
            description: "",
            novaPrice: "",
            startsAt: new Date().toISOString(),
            endsAt: "",
            totalLimit: "",
            perDriverLimit: "",
            unlockOnly: false,
          }}
        />
      )}
    </>
  );
}
