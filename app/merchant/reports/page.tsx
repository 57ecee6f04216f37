import { BookTextIcon, CircleCheckIcon, DownloadIcon, FileCheckIcon, StoreIcon, TriangleAlertIcon } from "lucide-react";
import type { Metadata } from "next";
import { Suspense } from "react";
import { requirePagePermission } from "@/lib/auth";
import { getBalances, listStatement } from "@/lib/ledger";
import { listMerchantRedemptions } from "@/lib/merchants";
import { listReportLocations, reportRangeInput, reportRangeProblem, reportToday } from "@/lib/reports";
import { parseForPerson } from "@/lib/validation";
import { StatementTable } from "@/components/ledger/statement-table";
import { loadCurrentMerchant } from "@/components/merchant/current-dashboard";
import { NoMerchant } from "@/components/merchant/no-merchant";
import { RedemptionsTable } from "@/components/merchant/redemptions-table";
import { ReportRangeForm } from "@/components/merchant/report-range-form";
import { ReportSkeleton, ReportView } from "@/components/merchant/report-view";
import { ButtonLink, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { NovaAmount } from "@/components/ui/nova-amount";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reports" };

const SHOWN = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MerchantReportsPage({ searchParams }: { searchParams: SearchParams }) {
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
  const query = await searchParams;
  const asked = parseForPerson(reportRangeInput, {
    from: first(query.from),
    to: first(query.to),
    locationId: first(query.locationId),
  });
  const locations = await listReportLocations(actor, merchantId);
  // a range the form cannot show is explained, and the default range shown instead
  const range = asked.success ? asked.data : reportRangeInput.parse({});
  let problem = asked.success ? null : reportRangeProblem(asked.error);
  if (range.locationId && !locations.some((l) => l.id === range.locationId)) {
    range.locationId = undefined;
    problem = "That location is not one of yours.";
  }
  const [balances, redemptions, lines] = await Promise.all([
    getBalances(actor, { ownerType: "MERCHANT", ownerId: merchantId }),
    listMerchantRedemptions(actor, merchantId, 20),
    listStatement(actor, { ownerType: "MERCHANT", ownerId: merchantId }, SHOWN),
  ]);

  return (
    <>
      <PageHeader
        title="Reports"
        description="What the program brought you and what it cost, then every entry behind it."
      />
      {problem ? (
        <Notice tone="warning" role="alert" icon={<TriangleAlertIcon className="size-4" />} className="mb-4">
          <p>{problem} Showing the report for the range below instead.</p>
        </Notice>
      ) : null}
      <ReportRangeForm
        from={range.from}
        to={range.to}
        today={reportToday()}
        locationId={range.locationId}
        locations={locations}
      />
      <Suspense key={`${range.from}:${range.to}:${range.locationId ?? ""}`} fallback={<ReportSkeleton />}>
        <ReportView actor={actor} merchantId={merchantId} range={range} />
      </Suspense>

      <h2 className="mt-12 mb-3 text-lg font-semibold text-slate-900">All time</h2>
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
              : "Every entry, newest first. Times in UTC."
          }
          actions={
            <div className="flex flex-col items-end gap-2 sm:flex-row sm:items-center">
              <a
                href={`/api/merchants/${merchantId}/statement`}
                download
                className={buttonVariants({ variant: "secondary" })}
              >
                <DownloadIcon className="size-4" />
                Download statement CSV
              </a>
              <ButtonLink href="/merchant/reports/verify" variant="ghost">
                <FileCheckIcon className="size-4" />
                Check a statement
              </ButtonLink>
            </div>
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
