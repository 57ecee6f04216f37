import "server-only";
import { assertAccountAccess, type AccountOwnerRef, type Actor } from "@/lib/access";
import { parseCsv } from "@/lib/csv";
import { db } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import { rateLimit } from "@/lib/rate-limit";
import { STATEMENT_COLUMNS } from "./statement-csv";
import { STATEMENT_FILE_MAX_BYTES, STATEMENT_FILE_TOO_LARGE } from "./statement-file-input";
import { statementHeaderProblem, verifyStatement, type StatementProblem } from "./verify-statement";

/** What the "Check a statement" pages show: the file matches, where it first differs, or why it is no statement. */
export type StatementCheck =
  | { verdict: "matches"; lines: number }
  | { verdict: "differs"; lines: number; first: StatementProblem; further: number }
  | { verdict: "not_a_statement"; message: string };

export const NOT_YOUR_STATEMENT =
  "This statement has lines of an account that is not yours, so it cannot be checked here. Check a statement you downloaded yourself.";

const ACCOUNT_ID = STATEMENT_COLUMNS.indexOf("account_id");

/**
 * A downloaded statement checked against the ledger, for the person who may read every account it
 * names (assertAccountAccess: the driver themself, a member of the merchant, an admin). A line on
 * anyone else's account refuses the whole file before any entry is read, so the verdict never says
 * whether another owner's lines match.
 */
export async function checkStatementFile(actor: Actor, csv: string): Promise<StatementCheck> {
  // each check reads up to a statement's worth of ledger rows
  await rateLimit("statementCheckPerUser", actor.userId);
  if (Buffer.byteLength(csv, "utf8") > STATEMENT_FILE_MAX_BYTES)
    throw new AppError("payload_too_large", STATEMENT_FILE_TOO_LARGE);
  const text = csv.replace(/^\uFEFF/, ""); // a byte-order mark some editors add when saving
  const rows = parseCsv(text).filter((r) => r.some((c) => c !== ""));
  if (rows.length === 0) return { verdict: "not_a_statement", message: "This file is empty." };
  const headerProblem = statementHeaderProblem(rows[0]);
  if (headerProblem) return { verdict: "not_a_statement", message: asSentence(headerProblem) };
  await assertOwnAccounts(
    actor,
    rows.slice(1).map((r) => r[ACCOUNT_ID] ?? ""),
  );
  const { lines, problems } = await verifyStatement(db(), text);
  const [first, ...rest] = problems;
  return first ? { verdict: "differs", lines, first, further: rest.length } : { verdict: "matches", lines };
}

/** Every account the file names that exists is one the actor may read; an unknown id is left to the verdict. */
async function assertOwnAccounts(actor: Actor, accountIds: string[]): Promise<void> {
  const ids = [...new Set(accountIds.filter(Boolean))];
  if (ids.length === 0) return;
  // ANY of one array parameter: an edited file may name tens of thousands of ids (past PostgreSQL's bind limit)
  const owners = await db().$queryRaw<AccountOwnerRef[]>`
    SELECT DISTINCT "ownerType", "ownerId" FROM "LedgerAccount" WHERE "id" = ANY(${ids}::text[])`;
  for (const owner of owners) {
    try {
      await assertAccountAccess(actor, owner);
    } catch (err) {
      if (err instanceof AppError && (err.code === "forbidden" || err.code === "not_found"))
        throw forbidden(NOT_YOUR_STATEMENT);
      throw err;
    }
  }
}

const asSentence = (tail: string) => `${tail[0].toUpperCase()}${tail.slice(1)}.`;
