import "server-only";
import type { Actor } from "@/lib/access";
import { listStatement, statementCsv, STATEMENT_MAX_ROWS } from "@/lib/ledger";
import { csvResponse } from "./csv";

export type StatementAccount = { ownerType: "DRIVER" | "MERCHANT"; ownerId: string };

/**
 * The one statement download, for the driver's wallet, a merchant's reports and the admin's
 * account page. listStatement resolves the actor's right to the account (an outsider: not found).
 * Saved as `nerava-<what>-2026-05-01.csv`.
 */
export async function statementCsvResponse(actor: Actor, account: StatementAccount, what: string): Promise<Response> {
  const lines = await listStatement(actor, account, STATEMENT_MAX_ROWS);
  return csvResponse(statementCsv(lines), `nerava-${what}-${new Date().toISOString().slice(0, 10)}.csv`);
}
