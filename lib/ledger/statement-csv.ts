// The statement CSV, written for a spreadsheet and read back by ledger:verify-statement. No
// "server-only": the verifying script runs outside Next.
import type { StatementLine } from "./statement";

/** Enough for a year of daily use; the pages show the latest few, the download the rest. */
export const STATEMENT_MAX_ROWS = 5_000;

/** The chain columns come last, so the older columns keep their places. */
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
] as const;

// A cell a spreadsheet could run as a formula gets a leading apostrophe (and quotes).
const csvCell = (v: string) =>
  /[",\n\r]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/^([=+\-@])/, "'$1").replace(/"/g, '""')}"` : v;

/** CSV a spreadsheet opens safely (cells that could be formulas are neutralised). */
export function statementCsv(lines: StatementLine[]): string {
  const rows = lines.map((l) =>
    [
      l.createdAt.toISOString(),
      l.transactionId,
      l.type,
      l.currency,
      l.account,
      l.amount.toString(),
      l.state,
      l.reason,
      l.entryId,
      l.chain?.accountId ?? "",
      l.chain ? String(l.chain.seq) : "",
      l.chain?.prevHash ?? "",
      l.chain?.hash ?? "",
    ]
      .map(csvCell)
      .join(","),
  );
  return [STATEMENT_COLUMNS.join(","), ...rows].join("\n") + "\n";
}

/** Rows of cells (RFC 4180 quoting), each cell with csvCell's apostrophe taken off again. */
export function parseStatementCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  const endRow = () => {
    endCell();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') quoted = !quoted;
    else if (quoted) cell += c;
    else if (c === ",") endCell();
    else if (c === "\n") endRow();
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length) endRow();
  return rows.map((r) => r.map((v) => v.replace(/^'([=+\-@])/, "$1")));
}
