import { ListIcon, StoreIcon } from "lucide-react";
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listSpendReports } from "@/lib/merchants";
import { AuditList } from "@/components/admin/audit-list";
import { MerchantCounts } from "@/components/admin/merchant-counts";
import { MerchantsTable } from "@/components/admin/merchants-table";
import { SpendReportsList } from "@/components/admin/spend-reports-list";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin overview" };

export default async function AdminOverviewPage() {
  const session = await requirePagePermission("admin:view", "/admin");
  const [overview, spendReports] = await Promise.all([
    getAdminOverview(actorOf(session)),
    listSpendReports(actorOf(session)),
  ]);
  return (
    <>
      <PageHeader
        title="Overview"
        description="The program at a glance."
        actions={
          <ButtonLink href="/admin/dashboard" variant="secondary" size="sm">
            Program dashboard
          </ButtonLink>
        }
      />
      <StatGrid label="Program totals">
        <StatCard label="Drivers" value={formatCount(overview.drivers)} hint="Registered driver accounts" />
        <MerchantCounts merchants={overview.merchants} />
        <StatCard label="Chargers" value={formatCount(overview.chargers)} hint="Known to discovery" />
        <StatCard label="Live offers" value={formatCount(overview.liveOffers)} hint="Active, at active merchants" />
      </StatGrid>

      {spendReports.length > 0 ? (
        <section aria-labelledby="spend-reports-heading" className="mt-10">
          <SectionHeader
            id="spend-reports-heading"
            title="Reported payments"
            description="Drivers said they did not make these. Open one to see it, and reverse it if it was not theirs."
          />
          <SpendReportsList reports={spendReports} />
        </section>
      ) : null}

      <div className="mt-10 grid gap-10 xl:grid-cols-2 xl:gap-6">
        <section aria-labelledby="recent-merchants-heading" className="min-w-0">
          <SectionHeader
            id="recent-merchants-heading"
            title="Recent merchants"
            actions={
              <ButtonLink href="/admin/merchants" variant="secondary" size="sm">
                All merchants
              </ButtonLink>
            }
          />
          {overview.recentMerchants.length > 0 ? (
            <MerchantsTable merchants={overview.recentMerchants} caption="Recent merchants" />
          ) : (
            <EmptyState
              level={3}
              icon={<StoreIcon className="size-6" />}
              title="No merchants yet"
              description="Businesses appear here as they sign up, with their review status."
            />
          )}
        </section>

        <section aria-labelledby="recent-audit-heading" className="min-w-0">
          <SectionHeader
            id="recent-audit-heading"
            title="Recent activity"
            actions={
              <ButtonLink href="/admin/audit" variant="secondary" size="sm">
                Audit log
              </ButtonLink>
            }
          />
          {overview.recentAudit.length > 0 ? (
            <AuditList entries={overview.recentAudit} label="Recent audit entries" />
          ) : (
            <EmptyState
              level={3}
              icon={<ListIcon className="size-6" />}
              title="No activity yet"
              description="Every admin action and money movement will be listed here."
            />
          )}
        </section>
      </div>
    </>
  );
}
