import "server-only";
import type { Actor } from "@/lib/auth";
import { listStatement, statementCsv } from "@/lib/ledger";
import { csvResponse } from "./csv";

/** Enough for a year of daily use; the pages show the latest few, the download the rest. */
const MAX_ROWS = 5_000;

export type StatementAccount = { ownerType: "DRIVER" | "MERCHANT"; ownerId: string };

/**
 * The one statement download, for the driver's wallet, a merchant's reports and the admin's
 * account page. listStatement resolves the actor's right to the account (an outsider: not found).
 * Saved as `nerava-<what>-2026-05-01.csv`.
 */
export async function statementCsvResponse(actor: Actor, account: StatementAccount, what: string): Promise<Response> {
  const lines = await listStatement(actor, account, MAX_ROWS);
  return csvResponse(statementCsv(lines), `nerava-${what}-${new Date().toISOString().slice(0, 10)}.csv`);
}
