import "server-only";
import { csvText } from "@/lib/csv";
import { AUDIT_EXPORT_CAP, type AuditRow } from "./search-audit";

const HEADER = [
  "id",
  "time_utc",
  "action",
  "actor_id",
  "actor_email",
  "target_type",
  "target_id",
  "metadata",
  "ip",
  "request_id",
];

/** The export as CSV text: every cell through csvCell (quoting, and the formula guard for = + - @). */
export function auditCsv(rows: AuditRow[], capped: boolean): string {
  const body = rows.map((r) => [
    r.id,
    r.createdAt.toISOString(),
    r.action,
    r.actorId ?? "",
    r.actorEmail ?? "",
    r.targetType ?? "",
    r.targetId ?? "",
    r.metadata === null || r.metadata === undefined ? "" : JSON.stringify(r.metadata),
    r.ip ?? "",
    r.requestId ?? "",
  ]);
  const note = capped
    ? [
        [
          `# Only the newest ${AUDIT_EXPORT_CAP} matching entries are in this file: narrow the dates to export the rest.`,
        ],
      ]
    : [];
  return csvText([HEADER, ...body, ...note]);
}
