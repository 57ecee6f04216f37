import {
  BanknoteIcon,
  CarIcon,
  CircleCheckIcon,
  CoinsIcon,
  LandmarkIcon,
  SparklesIcon,
  StoreIcon,
  TriangleAlertIcon,
} from "lucide-react";
import type { Metadata } from "next";
import { DASHBOARD_PRESETS, getProgramDashboard, parseDashboardRange } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { reportToday } from "@/lib/reports";
import { DashboardCharts } from "@/components/admin/dashboard/dashboard-charts";
import { DashboardRangeForm } from "@/components/admin/dashboard/dashboard-range-form";
import { TopMerchantsTable } from "@/components/admin/dashboard/top-merchants-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatUsd } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Program dashboard" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** A range the dashboard cannot show is explained in a sentence, and the default range shown instead. */
function readRange(query: Record<string, string | undefined>) {
  try {
    parseDashboardRange(query);
    return { search: query, problem: null };
  } catch (e) {
    if (e instanceof AppError) return { search: {}, problem: e.message };
    throw e;
  }
}

export default async function ProgramDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const session = await requirePagePermission("admin:view", "/admin/dashboard");
  const q = await searchParams;
  const { search, problem } = readRange({ days: first(q.days), from: first(q.from), to: first(q.to) });
  const d = await getProgramDashboard(actorOf(session), search);
  const t = d.totals;
  const rate = t.verifiedRate === null ? "—" : `${Math.round(t.verifiedRate * 1000) / 10}%`;
  return (
    <>
      <PageHeader
        title="Program dashboard"
        description={`${d.range.from} to ${d.range.to} (${d.range.days} days, ${d.range.timeZone} time). Balances are as the last day ends.`}
      />
      {problem ? (
        <Notice tone="warning" role="alert" icon={<TriangleAlertIcon className="size-4" />} className="mb-4">
          <p>{problem} Showing the last 30 days instead.</p>
        </Notice>
      ) : null}
      <DashboardRangeForm
        from={d.range.from}
        to={d.range.to}
        today={reportToday()}
        preset={d.range.preset}
        presets={DASHBOARD_PRESETS}
      />
      <StatGrid label="Program figures for the range" className="xl:grid-cols-4">
        <StatCard
          icon={<SparklesIcon className="size-5" />}
          label="Nova issued"
          value={formatCount(t.novaIssued)}
          hint={`${formatCount(t.novaRedeemed)} redeemed, ${formatCount(t.novaExpired)} expired`}
        />
        <StatCard
          icon={<CoinsIcon className="size-5" />}
          label="Nova outstanding"
          value={formatCount(t.novaOutstanding)}
          hint="Held by drivers as the range ends"
        />
        <StatCard
          icon={<BanknoteIcon className="size-5" />}
          label="Cash rewards"
          value={formatUsd(t.cashRewardCents)}
          hint={`${formatUsd(t.cashOutCents)} cashed out`}
        />
        <StatCard
          icon={<LandmarkIcon className="size-5" />}
          label="Float owed to drivers"
          value={formatUsd(t.owedToDriversCents)}
          hint={`Against ${formatUsd(t.fundedCents)} funded, ${formatUsd(t.paidOutCents)} paid out`}
        />
        <StatCard
          icon={<CircleCheckIcon className="size-5" />}
          label="Verified sessions"
          value={rate}
          hint={`${formatCount(t.verifiedSessions)} of ${formatCount(t.endedSessions)} ended`}
        />
        <StatCard
          icon={<CarIcon className="size-5" />}
          label="Active drivers"
          value={formatCount(t.activeDrivers)}
          hint="Charged, redeemed, paid, cashed out or earned"
        />
        <StatCard
          icon={<StoreIcon className="size-5" />}
          label="Active merchants"
          value={formatCount(t.activeMerchants)}
          hint="Took Nova or paid a purchase reward"
        />
      </StatGrid>

      <section aria-labelledby="charts-heading" className="mt-10">
        <SectionHeader id="charts-heading" title="Day by day" description="Each chart has its numbers under it." />
        <DashboardCharts days={d.days} totals={t} />
      </section>

      <section aria-labelledby="top-merchants-heading" className="mt-10">
        <SectionHeader
          id="top-merchants-heading"
          title="Top merchants"
          description="By Nova redeemed in the range, then by purchase rewards paid (fees included)."
        />
        {d.topMerchants.length > 0 ? (
          <TopMerchantsTable merchants={d.topMerchants} />
        ) : (
          <EmptyState
            level={3}
            icon={<StoreIcon className="size-6" />}
            title="No merchant activity in this range"
            description="Merchants appear here once drivers redeem Nova or earn purchase rewards with them."
          />
        )}
      </section>
    </>
  );
}
