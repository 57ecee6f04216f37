// The statement CSV, written by lib/csv for a spreadsheet and read back with its parseCsv by
// ledger:verify-statement. No "server-only": the verifying script runs outside Next.
import { csvText } from "@/lib/csv";
import type { StatementLine } from "./statement";

/** Enough for a year of daily use; the pages show the latest few, the download the rest. */
export const STATEMENT_MAX_ROWS = 5_000;

/**
 * `amount` is in the currency's unit, as a person reads it (USD in dollars with cents: -12.50; Nova
 * whole); `amount_minor` is the exact amount the ledger stores and the hash covers (cents for USD).
 * New columns come last, so the older columns keep their places.
 */
export const STATEMENT_COLUMNS = [
  "date",
  "transaction",
  "type",
  "currency",
  "account",
  "amount",
  "state",
  "reason",
  "entry",
  "account_id",
  "seq",
  "prev_hash",
  "hash",
  "amount_minor",
] as const;
/** Statements downloaded before `amount_minor`: their `amount` was in minor units (cents for USD). */
export const STATEMENT_COLUMNS_MINOR_AMOUNT = STATEMENT_COLUMNS.slice(0, 13);

/** Minor units in the currency's unit, exactly (no floating point): -1250 USD → "-12.50"; Nova are whole. */
export function amountInUnits(minor: bigint, currency: string): string {
  if (currency !== "USD") return minor.toString();
  const abs = minor < 0n ? -minor : minor;
  return `${minor < 0n ? "-" : ""}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}

/** CSV a spreadsheet opens safely (cells that could be formulas are neutralised). */
export function statementCsv(lines: StatementLine[]): string {
  const rows = lines.map((l) => [
    l.createdAt.toISOString(),
    l.transactionId,
    l.type,
    l.currency,
    l.account,
    amountInUnits(l.amount, l.currency),
    l.state,
    l.reason,
    l.entryId,
    l.chain?.accountId ?? "",
    l.chain ? String(l.chain.seq) : "",
    l.chain?.prevHash ?? "",
    l.chain?.hash ?? "",
    l.amount.toString(),
  ]);
  return csvText([[...STATEMENT_COLUMNS], ...rows]);
}
