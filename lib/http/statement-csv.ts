import "server-only";
import { listStatement, statementCsv } from "@/lib/ledger";
import { csvResponse } from "./csv";

/** Enough for a year of daily use; the pages show the latest few, the download the rest. */
const MAX_ROWS = 5_000;

export type StatementAccount = { ownerType: "DRIVER" | "MERCHANT"; ownerId: string };

/**
 * The one statement download, for the driver's wallet, a merchant's reports and the admin's
 * account page. The caller has already resolved the actor's right to this account.
 * Saved as `nerava-<what>-2026-05-01.csv`.
 */
export async function statementCsvResponse(account: StatementAccount, what: string): Promise<Response> {
  const lines = await listStatement(account.ownerType, account.ownerId, MAX_ROWS);
  return csvResponse(statementCsv(lines), `nerava-${what}-${new Date().toISOString().slice(0, 10)}.csv`);
}
