import { CircleCheckIcon, FlaskConicalIcon, StoreIcon, TagIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth";
import type { MerchantDashboard } from "@/lib/merchants";
import { squareTwinInUse } from "@/lib/square";
import { loadCurrentDashboard } from "@/components/merchant/current-dashboard";
import { MerchantReviewState } from "@/components/merchant/merchant-review-state";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { offerStatus } from "@/components/merchant/offer-status-badge";
import { OffersTable } from "@/components/merchant/offers-table";
import { SimulatePurchase } from "@/components/merchant/simulate-purchase";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { MerchantStatusBadge } from "@/components/ui/merchant-status-badge";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merchant overview" };

export default async function MerchantOverviewPage() {
  await requirePagePermission("merchant:view", "/merchant");
  const dashboard = await loadCurrentDashboard();
  if (!dashboard) {
    return (
      <>
        <PageHeader title="Overview" />
        <NoMerchant />
      </>
    );
  }
  const { merchant, offers, confirmedRedemptions } = dashboard;
  if (merchant.status !== "ACTIVE") {
    return (
      <>
        <PageHeader title="Overview" description={`${merchant.name} · ${merchant.category} · ${merchant.address}`} />
        <MerchantReviewState status={merchant.status} reason={merchant.statusReason} />
      </>
    );
  }
  const now = new Date();
  const liveOffers = offers.filter((o) => offerStatus(o, now) === "active").length;

  return (
    <>
      <PageHeader title="Overview" description={`${merchant.name} · ${merchant.category} · ${merchant.address}`} />
      <StatGrid label="This merchant at a glance">
        <StatCard
          icon={<TagIcon className="size-5" />}
          label="Live offers"
          value={formatCount(liveOffers)}
          hint={`${formatCount(offers.length)} in total`}
        />
        <StatCard
          icon={<CircleCheckIcon className="size-5" />}
          label="Confirmed redemptions"
          value={formatCount(confirmedRedemptions)}
          hint="All time"
        />
        <StatCard
          icon={<StoreIcon className="size-5" />}
          label="Square"
          value={
            <Link
              href="/merchant/square"
              className="rounded underline-offset-4 hover:text-brand-700 hover:underline focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:outline-none"
            >
              {squareStatusLabel(merchant.squareStatus)}
            </Link>
          }
          hint={
            <span className="inline-flex items-center gap-2">
              Program status <MerchantStatusBadge status={merchant.status} />
            </span>
          }
        />
      </StatGrid>

      <section aria-labelledby="offers-heading" className="mt-10">
        <SectionHeader
          id="offers-heading"
          title="Latest offers"
          actions={
            offers.length > 0 ? (
              <ButtonLink href="/merchant/offers" variant="secondary" size="sm">
                All offers
              </ButtonLink>
            ) : null
          }
        />
        {offers.length > 0 ? (
          <OffersTable offers={offers.slice(0, 5)} now={now} />
        ) : (
          <EmptyState
            level={3}
            icon={<TagIcon className="size-6" />}
            title="No offers yet"
            description="Offers you create appear here and in drivers' apps."
          />
        )}
      </section>

      {squareTwinInUse() && merchant.squareStatus === "CONNECTED" && dashboard.role === "OWNER" ? (
        <section aria-labelledby="sandbox-heading" className="mt-10">
          <SectionHeader
            id="sandbox-heading"
            title="Sandbox"
            description="Only with the Square sandbox: ring up a pretend sale as your register would. A sale matched to a charging driver pays its reward from your prepaid balance, like a real one."
          />
          <div className="rounded-xl border border-dashed border-amber-300 bg-amber-50/40 p-4 sm:p-6">
            <p className="mb-4 flex items-center gap-2 text-sm font-medium text-amber-900">
              <FlaskConicalIcon className="size-4" aria-hidden="true" /> Simulate a purchase
            </p>
            <SimulatePurchase merchantId={merchant.id} />
          </div>
        </section>
      ) : null}
    </>
  );
}

function squareStatusLabel(status: MerchantDashboard["merchant"]["squareStatus"]): string {
  if (status === "CONNECTED") return "Connected";
  if (status === "RECONNECT_REQUIRED") return "Reconnect required";
  return "Not connected";
}
