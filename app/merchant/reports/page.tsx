import { BookTextIcon, CircleCheckIcon, DownloadIcon, StoreIcon } from "lucide-react";
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth";
import { getBalances, listStatement } from "@/lib/ledger";
import { listMerchantRedemptions } from "@/lib/merchants";
import { StatementTable } from "@/components/ledger/statement-table";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { RedemptionsTable } from "@/components/merchant/redemptions-table";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

const SHOWN = 50;

export default async function MerchantReportsPage() {
  await requirePagePermission("merchant:view", "/merchant/reports");
  const { actor, dashboard } = await loadCurrentMerchant();
  if (!dashboard) {
    return (
      <>
        <PageHeader title="Reports" />
        <NoMerchant />
      </>
    );
  }
  const merchantId = dashboard.merchant.id;
  const [balances, redemptions, lines] = await Promise.all([
    getBalances(actor, { ownerType: "MERCHANT", ownerId: merchantId }),
    listMerchantRedemptions(actor, merchantId, 20),
    listStatement(actor, { ownerType: "MERCHANT", ownerId: merchantId }, SHOWN),
  ]);

  return (
    <>
      <PageHeader
        title="Reports"
        description="The Nova drivers have spent with you, and every entry behind it. Times in UTC."
        actions={
          <a
            href={`/api/merchants/${merchantId}/statement`}
            download
            className={buttonVariants({ variant: "secondary" })}
          >
            <DownloadIcon className="size-4" />
            Download CSV
          </a>
        }
      />
      <StatGrid label="Nova at this merchant">
        <StatCard
          icon={<StoreIcon className="size-5" />}
          label="Nova received"
          value={
            <span data-testid="nova-received">
              <NovaAmount amount={Number(balances.nova.available)} compact />
            </span>
          }
          hint="From codes and pass payments, all time"
        />
        <StatCard
          icon={<CircleCheckIcon className="size-5" />}
          label="Confirmed redemptions"
          value={formatCount(dashboard.confirmedRedemptions)}
          hint="All time"
        />
      </StatGrid>

      <section aria-labelledby="confirmations-heading" className="mt-10">
        <SectionHeader id="confirmations-heading" title="Recent confirmations" />
        {redemptions.length > 0 ? (
          <RedemptionsTable redemptions={redemptions} />
        ) : (
          <EmptyState
            level={3}
            icon={<CircleCheckIcon className="size-6" />}
            title="No confirmations yet"
            description="Codes you confirm at Redeem appear here."
          />
        )}
      </section>

      <section aria-labelledby="statement-heading" className="mt-10">
        <SectionHeader
          id="statement-heading"
          title="Statement"
          description={
            lines.length === SHOWN
              ? `The ${SHOWN} newest entries; download the CSV for more.`
              : "Every entry, newest first."
          }
        />
        {lines.length > 0 ? (
          <StatementTable lines={lines} caption="Merchant statement" />
        ) : (
          <EmptyState
            level={3}
            icon={<BookTextIcon className="size-6" />}
            title="No entries yet"
            description="Each confirmed code and pass payment adds an entry here."
          />
        )}
      </section>
    </>
  );
}
