import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { getOfferForEdit } from "@/lib/offers";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { OfferForm } from "@/components/merchant/offer-form";
import { OwnersOnly } from "@/components/merchant/owners-only";
import { BackLink } from "@/components/ui/back-link";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit offer" };

type Props = { params: Promise<{ offerId: string }> };

// staff are told why; another merchant's offer (or none) is a 404
async function loadOffer(load: () => ReturnType<typeof getOfferForEdit>) {
  try {
    return await load();
  } catch (err) {
    if (err instanceof AppError && err.code === "forbidden") return "owners-only" as const;
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  }
}

export default async function EditOfferPage({ params }: Props) {
  const { offerId } = await params;
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard) return <NoMerchant />;
  const { merchant } = dashboard;
  const offer = await loadOffer(() => getOfferForEdit(actor, { merchantId: merchant.id, offerId }));
  return (
    <>
      <BackLink href="/merchant/offers">Offers</BackLink>
      <PageHeader title="Edit offer" description={offer === "owners-only" ? undefined : offer.title} />
      {offer === "owners-only" ? (
        <OwnersOnly />
      ) : offer.ended ? (
        <Notice tone="info">This offer has ended, so it can no longer be edited. Create a new offer instead.</Notice>
      ) : (
        <OfferForm
          merchant={{ id: merchant.id, name: merchant.name, category: merchant.category, address: merchant.address }}
          offerId={offer.id}
          hasCodes={offer.heldCodes > 0}
          values={{
            title: offer.title,
            description: offer.description,
            novaPrice: String(offer.novaPrice),
            startsAt: offer.startsAt.toISOString(),
            endsAt: offer.endsAt?.toISOString() ?? "",
            totalLimit: offer.totalLimit?.toString() ?? "",
            perDriverLimit: offer.perDriverLimit?.toString() ?? "",
            unlockOnly: offer.unlockOnly,
          }}
        />
      )}
    </>
  );
}
