import {
  BanknoteIcon,
  ReceiptIcon,
  PlugZapIcon,
  ScaleIcon,
  StoreIcon,
  TicketIcon,
  TrendingUpIcon,
  UsersIcon,
  DownloadIcon,
} from "lucide-react";
import type { Actor } from "@/lib/access";
import { formatReturn, getMerchantReport, type ReportRange } from "@/lib/reports";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount, formatUsd } from "@/components/ui/format";
import { NovaAmount } from "@/components/ui/nova-amount";
import { SectionHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { StatCard, StatGrid } from "@/components/ui/stat-card";
import { ReportCharts } from "./report-charts";

const money = (cents: number | null) => (cents === null ? "—" : formatUsd(cents));

/** The report for one range: what the program brought and what it cost, then the charts. */
export async function ReportView({
  actor,
  merchantId,
  range,
}: {
  actor: Actor;
  merchantId: string;
  range: ReportRange;
}) {
  const r = await getMerchantReport(actor, merchantId, range);
  const csv = `/api/merchants/${merchantId}/report?${new URLSearchParams({
    from: r.range.from,
    to: r.range.to,
    ...(r.location ? { locationId: r.location.id } : {}),
  })}`;
  const where = r.location ? ` at ${r.location.name}` : "";
  return (
    <section aria-labelledby="report-heading" data-testid="merchant-report">
      <SectionHeader
        id="report-heading"
        title={`What the program brought${where}`}
        description={`${r.range.from} to ${r.range.to} (${r.range.days} days, ${r.range.timeZone} time).`}
        actions={
          <a href={csv} download className={buttonVariants({ variant: "secondary", size: "sm" })}>
            <DownloadIcon className="size-4" />
            Download report CSV
          </a>
        }
      />
      <p
        className="mb-4 rounded-2xl bg-brand-50 px-4 py-3 text-base font-medium text-brand-900"
        data-testid="ros-words"
      >
        {r.returnOnSpendWords}
      </p>
      <StatGrid label="Report figures" className="xl:grid-cols-4">
        <StatCard
          icon={<PlugZapIcon className="size-5" />}
          label="Charging visits"
          value={formatCount(r.visits)}
          hint="Sessions started at your chargers or within 500 m"
        />
        <StatCard
          icon={<UsersIcon className="size-5" />}
          label="Drivers reached"
          value={formatCount(r.drivers.total)}
          hint={`${formatCount(r.drivers.new)} new, ${formatCount(r.drivers.returning)} returning`}
        />
        <StatCard
          icon={<TicketIcon className="size-5" />}
          label="Codes issued"
          value={formatCount(r.codes.issued)}
          hint={`${formatCount(r.codes.confirmed)} confirmed, ${formatCount(r.codes.expired)} expired, ${formatCount(r.codes.cancelled)} cancelled`}
        />
        <StatCard
          icon={<StoreIcon className="size-5" />}
          label="Nova received"
          value={<NovaAmount amount={r.novaReceived} compact />}
          hint="Confirmed codes and pass payments, whole business"
        />
        <StatCard
          icon={<ReceiptIcon className="size-5" />}
          label="Matched purchases"
          value={formatCount(r.purchases.matched)}
          hint={`${formatUsd(r.purchases.salesCents)} in sales${r.purchases.reversed ? `; ${r.purchases.reversed} refunded and taken back` : ""}`}
        />
        <StatCard
          icon={<ScaleIcon className="size-5" />}
          label="Average ticket"
          value={money(r.purchases.avgTicketCents)}
          hint={`Program drivers; all ${formatCount(r.purchases.allOrders)} Square orders: ${money(r.purchases.allAvgTicketCents)}`}
        />
        <StatCard
          icon={<BanknoteIcon className="size-5" />}
          label="Reward and fee cost"
          value={formatUsd(r.cost.totalCents)}
          hint={`${formatUsd(r.cost.rewardCents)} to drivers, ${formatUsd(r.cost.feeCents)} Nerava fee`}
        />
        <StatCard
          icon={<TrendingUpIcon className="size-5" />}
          label="Return on spend"
          value={formatReturn(r.returnOnSpend)}
          hint="Program sales ÷ reward and fee cost"
        />
      </StatGrid>
      <div className="mt-6">
        <ReportCharts days={r.daily} />
      </div>
      <EmptyNotes report={r} />
    </section>
  );
}

function EmptyNotes({ report: r }: { report: Awaited<ReturnType<typeof getMerchantReport>> }) {
  const charger = r.merchant.chargerName ?? "the chargers near you";
  return (
    <div className="mt-4 grid gap-4 empty:hidden lg:grid-cols-2">
      {r.visits === 0 ? (
        <EmptyState
          level={3}
          icon={<PlugZapIcon className="size-6" />}
          title="No charging visits in this range yet"
          description={`Drivers see your offers when they charge at ${charger}. Visits appear here as they start charging.`}
        />
      ) : null}
      {!r.squareConnected ? (
        <EmptyState
          level={3}
          icon={<ReceiptIcon className="size-6" />}
          title="Connect Square to see purchases"
          description="With Square connected, sales to drivers who charged nearby are matched, rewarded and counted here."
        />
      ) : r.purchases.matched === 0 && r.purchases.reversed === 0 ? (
        <EmptyState
          level={3}
          icon={<ReceiptIcon className="size-6" />}
          title="No matched purchases in this range"
          description="When a driver who is charging nearby pays with Square, the sale is matched and shows here."
        />
      ) : null}
    </div>
  );
}

/** Shown while a long range is being added up. */
export function ReportSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true" data-testid="report-skeleton">
      <span className="sr-only">Adding up the report…</span>
      <Skeleton className="h-6 w-64 max-w-full" />
      <Skeleton className="mt-4 h-12 rounded-2xl" />
      <div className="mt-4 grid grid-cols-2 gap-3 lg:grid-cols-3">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} className="h-24 rounded-2xl" />
        ))}
      </div>
      <div className="mt-6 grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-72 rounded-2xl" />
        <Skeleton className="h-72 rounded-2xl" />
      </div>
    </div>
  );
}
