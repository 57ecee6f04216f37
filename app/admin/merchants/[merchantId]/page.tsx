import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { can } from "@/lib/access";
import { AppError } from "@/lib/errors";
import { getMerchantDetail } from "@/lib/merchants";
import {
  MerchantOffersTable,
  MerchantPurchaseRewardsTable,
  MerchantRedemptionsTable,
  MerchantTeamList,
} from "@/components/admin/merchant-activity";
import { MerchantStatusForm } from "@/components/admin/merchant-status-form";
import { BackLink } from "@/components/ui/back-link";
import { formatCount, formatDate, formatUsd } from "@/components/ui/format";
import { MerchantStatusBadge } from "@/components/ui/merchant-status-badge";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Merchant" };

export default async function AdminMerchantPage({ params }: { params: Promise<{ merchantId: string }> }) {
  const { merchantId } = await params;
  const session = await requirePagePermission("admin:view", `/admin/merchants/${merchantId}`);
  const actor = actorOf(session);
  const merchant = await getMerchantDetail(actor, merchantId).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") notFound();
    throw err;
  });
  const square = merchant.square;
  return (
    <>
      <BackLink href="/admin/merchants">Merchants</BackLink>
      <PageHeader
        title={merchant.name}
        description={`${merchant.category} · ${merchant.address} · joined ${formatDate(merchant.createdAt)}`}
      />
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <MerchantStatusBadge status={merchant.status} />
        {merchant.statusReason ? <p className="text-sm text-slate-600">Reason: {merchant.statusReason}</p> : null}
      </div>
      {can(actor.role, "admin:manage-merchants") ? (
        <section aria-labelledby="actions-heading" className="mb-8">
          <SectionHeader id="actions-heading" title="Actions" />
          <MerchantStatusForm merchantId={merchant.id} name={merchant.name} status={merchant.status} />
        </section>
      ) : null}
      <StatGrid label="Money and Square" className="mb-8">
        <StatCard label="Prepaid balance" value={formatUsd(merchant.prepaidCents)} hint="Funds purchase rewards" />
        <StatCard label="Nova received" value={formatCount(merchant.novaReceived)} hint="From redemptions and spends" />
        <StatCard
          label="Square"
          value={square ? square.status.replace(/_/g, " ").toLowerCase() : "not connected"}
          hint={
            square
              ? `Since ${formatDate(square.connectedAt)}${square.statusReason ? ` · ${square.statusReason}` : ""}`
              : "Purchase rewards need a Square connection"
          }
        />
      </StatGrid>
      <div className="grid gap-10 xl:grid-cols-2 xl:gap-6">
        <section aria-labelledby="offers-heading" className="min-w-0">
          <SectionHeader id="offers-heading" title="Offers" />
          <MerchantOffersTable offers={merchant.offers} />
        </section>
        <section aria-labelledby="team-heading" className="min-w-0">
          <SectionHeader id="team-heading" title="Team" />
          <MerchantTeamList members={merchant.members} />
        </section>
        <section aria-labelledby="redemptions-heading" className="min-w-0">
          <SectionHeader id="redemptions-heading" title="Recent redemptions" />
          <MerchantRedemptionsTable rows={merchant.redemptions} />
        </section>
        <section aria-labelledby="purchases-heading" className="min-w-0">
          <SectionHeader id="purchases-heading" title="Recent purchase rewards" />
          <MerchantPurchaseRewardsTable rows={merchant.purchaseRewards} />
        </section>
      </div>
    </>
  );
}
