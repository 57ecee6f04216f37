import type { AdminOverview } from "@/lib/admin";
import { formatCount } from "@/components/ui/format";
import { StatCard } from "@/components/ui/stat-card";

/** Active, pending and suspended merchant counts as stat cards (inside a StatGrid). */
export function MerchantCounts({ merchants }: { merchants: AdminOverview["merchants"] }) {
  return (
    <>
      <StatCard label="Active merchants" value={formatCount(merchants.active)} hint="Visible to drivers" />
      <StatCard label="Pending merchants" value={formatCount(merchants.pending)} hint="Waiting for review" />
      <StatCard label="Suspended merchants" value={formatCount(merchants.suspended)} hint="Hidden from drivers" />
    </>
  );
}
