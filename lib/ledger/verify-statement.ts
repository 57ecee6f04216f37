// Checks a downloaded statement CSV against the ledger. No "server-only": the
// ledger:verify-statement script runs outside Next; the caller decides who may check what.
import { parseCsv } from "@/lib/csv";
import type { Tx } from "@/lib/db";
import { entryHash } from "./chain";
import { amountInUnits, STATEMENT_COLUMNS, STATEMENT_COLUMNS_MINOR_AMOUNT, STATEMENT_MAX_ROWS } from "./statement-csv";

/** `line` is the file's line number (the header is line 1). */
export type StatementProblem = { line: number; entryId: string | null; message: string };
/** `problems` in file order: the first is where the statement first differs from the ledger. */
export type StatementVerdict = { lines: number; problems: StatementProblem[] };

/** `inUnits`: the file's `amount` is in the currency's unit (every download since `amount_minor`). */
type Row = Record<(typeof STATEMENT_COLUMNS)[number], string> & { line: number; inUnits: boolean; cells: number };
type Entry = {
  id: bigint;
  accountId: string;
  seq: number;
  prevHash: string;
  hash: string;
  amount: bigint;
  createdAt: Date;
  transactionId: string;
  currency: string;
  kind: string;
  type: string;
  reason: string;
  owner: string;
};

export async function verifyStatement(client: Tx, csv: string): Promise<StatementVerdict> {
  const [header, ...cells] = parseCsv(csv).filter((r) => r.some((c) => c !== ""));
  const inUnits = header?.join(",") === STATEMENT_COLUMNS.join(",");
  if (!inUnits && header?.join(",") !== STATEMENT_COLUMNS_MINOR_AMOUNT.join(","))
    return { lines: 0, problems: [{ line: 1, entryId: null, message: notAStatement(header) }] };
  const rows = cells.map((c, i) => {
    const row = {
      ...Object.fromEntries(STATEMENT_COLUMNS.map((k, j) => [k, c[j] ?? ""])),
      line: i + 2,
      inUnits,
      cells: c.length,
    } as Row;
    // an older download's amount was already in minor units
    return inUnits ? row : { ...row, amount_minor: row.amount };
  });
  const columns = (inUnits ? STATEMENT_COLUMNS : STATEMENT_COLUMNS_MINOR_AMOUNT).length;
  const ledger = await ledgerEntries(client, rows);
  const byId = new Map(ledger.map((e) => [e.id.toString(), e]));
  const lost = await namedByLedger(
    client,
    rows.filter((r) => r.cells === columns && /^\d+$/.test(r.entry) && !byId.has(r.entry) && lineHashVerifies(r)),
  );
  const inFile = new Map<string, number>();
  const problems: StatementProblem[] = [];
  for (const row of rows) {
    const entryId = /^\d+$/.test(row.entry) ? row.entry : null;
    const problem = (message: string) => problems.push({ line: row.line, entryId, message });
    const entry = entryId ? byId.get(entryId) : undefined;
    if (row.cells !== columns)
      problem(`this line has ${row.cells} cells where a statement line has ${columns}: it was edited`);
    else if (!entryId) problem("this line is not a statement line: its entry column holds no entry number");
    else if (inFile.has(entryId)) problem(`an extra line: entry ${entryId} is already on line ${inFile.get(entryId)}`);
    else if (!entry)
      problem(
        // only the ledger can say it lost an entry: anyone can compute a line whose hash verifies
        lost.has(`${row.account_id}|${row.hash}`)
          ? `entry ${entryId} is not in the ledger, yet the ledger's chain on its account names this line's hash: the ledger lost it`
          : `an extra line: entry ${entryId} is not in the ledger of this statement's owner`,
      );
    else {
      const selfOk = lineHashVerifies(row);
      const diff = differences(row, entry);
      // the file's fields match its own hash, yet a field the hash covers differs: the ledger moved
      const ledgerMoved = selfOk && diff.some((d) => HASHED.has(d.column));
      if (diff.length)
        problem(
          `${diff.map((d) => d.sentence).join("; ")}${ledgerMoved ? " (this line's own hash verifies: the ledger changed since the download)" : ""}`,
        );
      else if (!selfOk) problem("the line's hash does not match its fields");
    }
    if (entryId) inFile.set(entryId, row.line);
  }
  for (const e of ledger.filter((e) => !inFile.has(e.id.toString()))) {
    // where the line would be: before the first line with an older entry (lines run newest first)
    const next = rows.find((r) => /^\d+$/.test(r.entry) && BigInt(r.entry) < e.id);
    problems.push({
      line: next?.line ?? rows.length + 2,
      entryId: e.id.toString(),
      message: `a line is missing here: entry ${e.id} (seq ${e.seq} of account ${e.accountId}, ${amountInUnits(e.amount, e.currency)} ${e.currency} on ${e.createdAt.toISOString()})`,
    });
  }
  problems.sort((a, b) => a.line - b.line);
  return { lines: rows.length, problems };
}

/** The owner's entries the statement should hold: up to its newest line (and from its oldest, if it was cut at the row limit). */
async function ledgerEntries(client: Tx, rows: Row[]): Promise<Entry[]> {
  const ids = rows.map((r) => r.entry).filter((id) => /^\d+$/.test(id));
  if (ids.length === 0) return [];
  const owners = await client.$queryRaw<{ owner: string }[]>`
    SELECT DISTINCT a."ownerType"::text || ':' || a."ownerId" AS "owner"
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId"
    WHERE e."id" = ANY(${ids}::bigint[]) AND a."id" = ANY(${rows.map((r) => r.account_id)}::text[])`;
  const max = ids.reduce((m, id) => (BigInt(id) > m ? BigInt(id) : m), 0n);
  const min = rows.length >= STATEMENT_MAX_ROWS ? ids.reduce((m, id) => (BigInt(id) < m ? BigInt(id) : m), max) : 0n;
  return client.$queryRaw<Entry[]>`
    SELECT e."id", e."accountId", e."seq", e."prevHash", e."hash", e."amount", e."createdAt", e."transactionId",
           a."currency"::text AS "currency", a."kind"::text AS "kind", t."type", t."reason",
           a."ownerType"::text || ':' || a."ownerId" AS "owner"
    FROM "LedgerEntry" e
    JOIN "LedgerAccount" a ON a."id" = e."accountId"
    JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
    WHERE a."ownerType"::text || ':' || a."ownerId" = ANY(${owners.map((o) => o.owner)}::text[])
      AND e."id" <= ${max} AND e."id" >= ${min}
    ORDER BY e."id" DESC`;
}

/**
 * Of lines the ledger does not hold though their hashes verify, those whose hash the ledger itself
 * names, as an entry's previous hash or an account's head: the ledger lost them. Anyone can compute a
 * line whose hash verifies (it has no key), but not make the ledger name it. As "account|hash".
 */
async function namedByLedger(client: Tx, rows: Row[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const accounts = [...new Set(rows.map((r) => r.account_id))];
  const hashes = [...new Set(rows.map((r) => r.hash))];
  const named = await client.$queryRaw<{ key: string }[]>`
    SELECT e."accountId" || '|' || e."prevHash" AS "key" FROM "LedgerEntry" e
    WHERE e."accountId" = ANY(${accounts}::text[]) AND e."prevHash" = ANY(${hashes}::text[])
    UNION
    SELECT a."id" || '|' || a."headHash" FROM "LedgerAccount" a
    WHERE a."id" = ANY(${accounts}::text[]) AND a."headHash" = ANY(${hashes}::text[])`;
  return new Set(named.map((n) => n.key));
}

/** The columns an entry's hash covers (chain.ts); `amount`, `account` and `reason` are not among them. */
const HASHED = new Set([
  "amount_minor",
  "date",
  "transaction",
  "type",
  "currency",
  "account_id",
  "seq",
  "prev_hash",
  "hash",
]);

function differences(row: Row, e: Entry): { column: string; sentence: string }[] {
  const want: [string, string, string][] = [
    [row.inUnits ? "amount_minor" : "amount", row.amount_minor, e.amount.toString()],
    ...(row.inUnits ? [["amount", row.amount, amountInUnits(e.amount, e.currency)] as [string, string, string]] : []),
    ["date", row.date, e.createdAt.toISOString()],
    ["transaction", row.transaction, e.transactionId],
    ["type", row.type, e.type],
    ["currency", row.currency, e.currency],
    ["account", row.account, e.kind],
    ["account_id", row.account_id, e.accountId],
    ["seq", row.seq, String(e.seq)],
    ["prev_hash", row.prev_hash, e.prevHash],
    ["hash", row.hash, e.hash],
    ["reason", row.reason, e.reason],
  ];
  return want
    .filter(([, here, there]) => here !== there)
    .map(([k, here, there]) => ({
      column: k === "amount" && !row.inUnits ? "amount_minor" : k,
      sentence: `${k} is ${here || "empty"} here but ${there} in the ledger`,
    }));
}

function lineHashVerifies(row: Row): boolean {
  const date = new Date(row.date);
  if (!/^-?\d+$/.test(row.amount_minor) || !/^\d+$/.test(row.seq) || Number.isNaN(date.getTime())) return false;
  const fields = {
    seq: Number(row.seq),
    prevHash: row.prev_hash,
    entryId: row.entry,
    accountId: row.account_id,
    transactionId: row.transaction,
    amount: BigInt(row.amount_minor),
    currency: row.currency,
    type: row.type,
    createdAt: date,
  };
  return date.toISOString() === row.date && entryHash(fields) === row.hash;
}

/** Why the file's first line is not a statement's header (a sentence's tail), or null when it is. */
export function statementHeaderProblem(header: string[] | undefined): string | null {
  const line = header?.join(",");
  // a statement downloaded before amount_minor (13 columns) still verifies
  return line === STATEMENT_COLUMNS.join(",") || line === STATEMENT_COLUMNS_MINOR_AMOUNT.join(",")
    ? null
    : notAStatement(header);
}

function notAStatement(header: string[] | undefined): string {
  if (header && header.join(",") === STATEMENT_COLUMNS.slice(0, 8).join(","))
    return "this statement was downloaded before statements carried hashes; download it again to check it";
  return `not a Nerava statement: the first line should be ${STATEMENT_COLUMNS.join(",")}`;
}
