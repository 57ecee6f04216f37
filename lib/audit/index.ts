export { recordAudit, type AuditEntry } from "./record-audit";
export { auditRefusals } from "./audit-refusal";
export { listAuditEntries } from "./list-audit";
