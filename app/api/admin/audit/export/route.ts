import { auditCsv, auditFilterInput, exportAudit } from "@/lib/audit";
import { csvResponse, route } from "@/lib/http";

export const dynamic = "force-dynamic";

/** The audit log as CSV, with the page's filters (admins only; capped, and the file says so). */
export const GET = route(
  { name: "/api/admin/audit/export", permission: "admin:view", query: auditFilterInput },
  async ({ actor, query }) => {
    const { rows, capped } = await exportAudit(actor, query);
    return csvResponse(auditCsv(rows, capped), `audit-${new Date().toISOString().slice(0, 10)}.csv`);
  },
);
