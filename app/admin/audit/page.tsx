import { ListIcon } from "lucide-react";
import type { Metadata } from "next";
import { auditFilterInput, searchAudit, type AuditFilter } from "@/lib/audit";
import { actorOf, requirePagePermission } from "@/lib/auth";
import { issueSentence, parseForPerson } from "@/lib/validation";
import { param, type SearchParams } from "@/components/auth/search-params";
import { AuditFilterForm } from "@/components/admin/audit-filter-form";
import { AuditTable } from "@/components/admin/audit-table";
import { EmptyState } from "@/components/ui/empty-state";
import { formatCount } from "@/components/ui/format";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager, queryString } from "@/components/ui/pager";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

const KEYS = ["actor", "targetType", "targetId", "action", "from", "to"] as const;

export default async function AdminAuditPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = actorOf(await requirePagePermission("admin:view", "/admin/audit"));
  const query = await searchParams;
  const raw = Object.fromEntries([...KEYS, "page"].map((k) => [k, param(query[k])]));
  const parsed = parseForPerson(auditFilterInput, raw);
  const filter: AuditFilter = parsed.success ? parsed.data : auditFilterInput.parse({});
  const { rows, total, page, pageSize } = await searchAudit(actor, filter);
  const values = Object.fromEntries(KEYS.map((k) => [k, filter[k]]));
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Admin actions and money movements, newest first. Times in UTC. Entries can never be edited or deleted."
      />
      {parsed.success ? null : (
        <Notice tone="warning" className="mb-4">
          {parsed.error.issues[0] ? issueSentence(parsed.error.issues[0]) : "That search could not be read."} Every
          entry is shown instead.
        </Notice>
      )}
      <AuditFilterForm filter={values} exportHref={`/api/admin/audit/export${queryString(values)}`} />
      {rows.length > 0 ? (
        <>
          <p className="mb-3 text-sm text-slate-600" role="status">
            {formatCount(total)} {total === 1 ? "entry matches" : "entries match"}.
          </p>
          <AuditTable rows={rows} />
          <Pager
            page={page}
            pageSize={pageSize}
            total={total}
            label="Audit log pages"
            href={(n) => `/admin/audit${queryString({ ...values, page: n })}`}
          />
        </>
      ) : (
        <EmptyState
          icon={<ListIcon className="size-6" />}
          title="No entries match"
          description="Every admin action and money movement is listed here. Try a wider date range or fewer filters."
        />
      )}
    </>
  );
}
