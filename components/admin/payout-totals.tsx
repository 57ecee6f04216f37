import type { listPayouts } from "@/lib/payouts";
import { formatCount, formatUsd } from "@/components/ui/format";
import { payoutStateLabel } from "@/components/ui/payout-state-badge";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

type Totals = Awaited<ReturnType<typeof listPayouts>>["totals"];

const ORDER = ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED", "PAID", "FAILED", "RETURNED"];

/** Count and amount per state over everything the filter matches (not only the rows shown). */
export function PayoutTotals({ totals }: { totals: Totals }) {
  const sorted = [...totals].sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
  return (
    <StatGrid label="Payouts by state" className="mb-6 lg:grid-cols-4">
      {sorted.map((t) => (
        <StatCard
          key={t.state}
          label={payoutStateLabel(t.state)}
          value={formatUsd(t.amountCents)}
          hint={`${formatCount(t.count)} ${t.count === 1 ? "payout" : "payouts"}`}
        />
      ))}
    </StatGrid>
  );
}
