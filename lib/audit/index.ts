export { recordAudit, logAudit, type AuditEntry } from "./record-audit";
export { auditRefusals } from "./audit-refusal";
export {
  searchAudit,
  exportAudit,
  auditFilterInput,
  AUDIT_PAGE_SIZE,
  AUDIT_EXPORT_CAP,
  type AuditFilter,
  type AuditRow,
} from "./search-audit";
export { auditCsv } from "./audit-csv";
