import { ListIcon } from "lucide-react";
import type { Metadata } from "next";
import { getAdminOverview } from "@/lib/admin";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { AuditList } from "@/components/admin/audit-list";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AdminAuditPage() {
  const session = await requirePagePermission("admin:view", "/admin/audit");
  const { recentAudit } = await getAdminOverview(actorOf(session));
  return (
    <>
      <PageHeader title="Audit log" description="Admin actions and money movements, newest first. Times in UTC." />
      {recentAudit.length > 0 ? (
        <>
          <AuditList entries={recentAudit} label="Audit entries" />
          <p className="mt-3 text-sm text-slate-500">Showing the {recentAudit.length} most recent entries.</p>
        </>
      ) : (
        <EmptyState
          icon={<ListIcon className="size-6" />}
          title="Nothing logged yet"
          description="Every admin action and money movement will be listed here."
        />
      )}
    </>
  );
}
