import { UsersIcon } from "lucide-react";
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { PageHeader } from "@/components/ui/page-header";
import { StatCard, StatGrid } from "@/components/ui/stat-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Drivers" };

export default async function AdminDriversPage() {
  const session = await requirePagePermission("admin:view", "/admin/drivers");
  const { drivers } = await getAdminOverview(actorOf(session));
  return (
    <>
      <PageHeader title="Drivers" description="People earning and spending Nova." />
      <StatGrid label="Driver totals" className="mb-8">
        <StatCard label="Drivers" value={formatCount(drivers)} hint="Registered driver accounts" />
      </StatGrid>
      <EmptyState
        icon={<UsersIcon className="size-6" />}
        title="Driver search arrives with accounts"
        description="Look up a driver, see their sessions and balances, grant or reverse Nova — once sign-in and the ledger are in."
      />
    </>
  );
}
