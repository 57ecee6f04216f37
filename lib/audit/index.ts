export { recordAudit, type AuditEntry } from "./record-audit";
export { listAuditEntries } from "./list-audit";
