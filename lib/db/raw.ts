import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "./generated/client";
import { db, poolOf } from "./client";

/**
 * Rows of one statement sent straight to the client's pool, for the statements on every request's
 * path (the session, the money gates, the posting): Prisma's raw-query machinery costs about three
 * times the driver's own per statement (docs/performance.md). Written with `Prisma.sql`, so values
 * are always parameters. Types come back as `pg` gives them: int8 and numeric as strings, timestamps
 * as Dates, json parsed.
 */
export async function queryRows<T>(query: Prisma.Sql): Promise<T[]> {
  // a Date goes as UTC text: a `timestamp` column takes it as written (pg would send local time)
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const result = await poolOf(db()).query({ name: statementName(query.text), text: query.text, values });
  return result.rows as T[];
}

// A named (prepared) statement is parsed and planned once per connection, not on every request:
// PostgreSQL keeps its parse tree and, once a generic plan proves as cheap, the plan. Named by a hash
// of its text, so one name is always one text. The texts come from a handful of call sites; past
// MAX_NAMED distinct texts, further ones run unnamed rather than grow every connection's cache.
const MAX_NAMED = 200;
const globalNames = globalThis as unknown as { nervaStatementNames?: Map<string, string> };
const names = (globalNames.nervaStatementNames ??= new Map<string, string>());

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `nerava_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}
