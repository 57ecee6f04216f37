import "server-only";
import { AppError, type ErrorCode } from "@/lib/errors";
import { recordAudit, type AuditEntry } from "./record-audit";

/** Refusals that are policy (who may move money to whom), kept in the audit log as such. */
const AUDITED: ReadonlySet<ErrorCode> = new Set(["self_dealing", "account_suspended"]);

/**
 * Runs a money change and, when it is refused for separation of duties or a suspended account,
 * records the refusal. The audit row is written here, after and outside the money transaction
 * that rolled back, so the refusal is kept even though nothing else is.
 */
export async function auditRefusals<T>(
  entry: AuditEntry,
  run: () => Promise<T>,
  /** Further codes this decision's refusals are kept for (an admin refused by the payout's state). */
  also: readonly ErrorCode[] = [],
): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && (AUDITED.has(err.code) || also.includes(err.code))) {
      await recordAudit({ ...entry, metadata: { ...entry.metadata, reason: err.code, message: err.message } });
    }
    throw err;
  }
}
