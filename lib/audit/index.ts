export { recordAudit, type AuditEntry } from "./record-audit";
export { auditRefusals } from "./audit-refusal";
