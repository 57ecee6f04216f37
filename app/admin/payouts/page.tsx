import { BanknoteIcon } from "lucide-react";
import type { Metadata } from "next";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { listPayoutMismatches, listPayouts, payoutFilterInput, type PayoutFilter } from "@/lib/payouts";
import { param, type SearchParams } from "@/components/auth/search-params";
import { PayoutFilterForm } from "@/components/admin/payout-filter-form";
import { PayoutMismatches } from "@/components/admin/payout-mismatches";
import { PayoutTotals } from "@/components/admin/payout-totals";
import { PayoutsTable } from "@/components/admin/payouts-table";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader, SectionHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Payouts" };

const SHOWN = 100;

export default async function AdminPayoutsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = actorOf(await requirePagePermission("admin:view", "/admin/payouts"));
  const query = await searchParams;
  const parsed = payoutFilterInput.safeParse({
    state: param(query.state),
    driver: param(query.driver),
    from: param(query.from),
    to: param(query.to),
  });
  const filter: PayoutFilter = parsed.success ? parsed.data : {};
  const [{ rows, totals }, mismatches] = await Promise.all([
    listPayouts(actor, filter, SHOWN),
    listPayoutMismatches(actor),
  ]);
  const filtered = Object.values(filter).some(Boolean);

  return (
    <>
      <PageHeader title="Payouts" description="Drivers’ cash-outs through Stripe, newest first. Times in UTC." />
      {parsed.success ? null : (
        <Notice tone="warning" className="mb-4">
          That filter could not be read (dates are YYYY-MM-DD), so every payout is shown.
        </Notice>
      )}
      <PayoutFilterForm filter={filter} />

      {rows.length > 0 ? (
        <>
          <PayoutTotals totals={totals} />
          <PayoutsTable rows={rows} />
          {rows.length === SHOWN ? (
            <p className="mt-3 text-sm text-slate-500">
              Showing the {SHOWN} newest matches; the totals count them all. Narrow the filter to see others.
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState
          icon={<BanknoteIcon className="size-6" />}
          title={filtered ? "No payouts match" : "No payouts yet"}
          description={
            filtered
              ? "Nothing matches this filter. Widen the dates or clear the filter."
              : "When a driver cashes out, the payout appears here with its state and any error."
          }
        />
      )}

      <section aria-labelledby="reconciliation-heading" className="mt-8">
        <SectionHeader
          id="reconciliation-heading"
          title="Reconciliation"
          description="Differences the daily check found between Stripe and our records, not yet resolved."
        />
        <PayoutMismatches rows={mismatches} />
      </section>
    </>
  );
}
