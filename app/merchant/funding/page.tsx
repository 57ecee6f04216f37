import { BanknoteIcon, TriangleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { getMerchantFunding } from "@/lib/funding";
import { listStatement } from "@/lib/ledger";
import { StatementTable } from "@/components/ledger/statement-table";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { EmptyState } from "@/components/ui/empty-state";
import { formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Funding" };

const SHOWN = 50;

/** The merchant's prepaid cash: what it is, whether it is running low, and every movement of it. */
export default async function MerchantFundingPage() {
  await requirePagePermission("merchant:view", "/merchant/funding");
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard) {
    return (
      <>
        <PageHeader title="Funding" />
        <NoMerchant />
      </>
    );
  }
  const merchantId = dashboard.merchant.id;
  const [funding, lines] = await Promise.all([
    getMerchantFunding(actor, merchantId),
    listStatement(actor, { ownerType: "MERCHANT", ownerId: merchantId }, SHOWN),
  ]);
  const cashLines = lines.filter((l) => l.currency === "USD");

  return (
    <>
      <PageHeader
        title="Funding"
        description="Your prepaid cash pays the purchase rewards drivers earn at your business."
      />
      {funding.low ? (
        <Notice tone="warning" role="note" icon={<TriangleAlertIcon className="size-4" />} className="mb-6">
          <p className="font-medium">Your prepaid cash is running low</p>
          <p>
            Below {formatUsd(funding.lowBalanceCents)}, rewards for purchases wait until you top up. Send a bank
            transfer with your business name as the reference; our team records it here.
          </p>
        </Notice>
      ) : null}
      <StatGrid label="Prepaid cash">
        <StatCard
          icon={<BanknoteIcon className="size-5" />}
          label="Prepaid cash"
          value={formatUsd(funding.balanceCents)}
          hint={`We tell you when it falls below ${formatUsd(funding.lowBalanceCents)}.`}
        />
      </StatGrid>
      <section aria-labelledby="cash-heading" className="mt-10">
        <SectionHeader
          id="cash-heading"
          title="Cash statement"
          description="Top-ups and what they paid for, newest first. Times in UTC."
        />
        {cashLines.length > 0 ? (
          <StatementTable lines={cashLines} caption="Prepaid cash statement" />
        ) : (
          <EmptyState
            level={3}
            icon={<BanknoteIcon className="size-6" />}
            title="No top-ups yet"
            description="Once our team records your first bank transfer, it is listed here with everything it pays for."
          />
        )}
      </section>
    </>
  );
}
