import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
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
  const pool = poolOf(db());
  // a Date goes as UTC text: a `timestamp` column takes it as written (pg would send local time)
  const values = query.values.map((v) => (v instanceof Date ? v.toISOString() : v));
  const name = sharedSessions.has(pool) ? undefined : statementName(query.text);
  try {
    return (await pool.query({ name, text: query.text, values })).rows as T[];
  } catch (err) {
    if (name === undefined || !SHARED_SESSION_CODES.has((err as { code?: string }).code ?? "")) throw err;
    // the server shares one session among our connections (embedded PGlite serves the whole pool
    // on one; so does a pooler in transaction mode): names collide or vanish there, so this pool
    // prepares nothing from now on. The refused statement never ran: sending it again is safe.
    sharedSessions.add(pool);
    return (await pool.query(query.text, values)).rows as T[];
  }
}

// A named (prepared) statement is parsed and planned once per connection, not on every request:
// PostgreSQL keeps its parse tree and, once a generic plan proves as cheap, the plan. Named by a hash
// of its text, so one name is always one text. The texts come from a handful of call sites; past
// MAX_NAMED distinct texts, further ones run unnamed rather than grow every connection's cache.
const MAX_NAMED = 200;
/** 42P05 a prepared statement of that name exists already; 26000 none of that name exists. */
const SHARED_SESSION_CODES = new Set(["42P05", "26000"]);
const globals = globalThis as unknown as {
  nervaStatementNames?: Map<string, string>;
  nervaSharedSessions?: WeakSet<pg.Pool>;
};
const names = (globals.nervaStatementNames ??= new Map<string, string>());
const sharedSessions = (globals.nervaSharedSessions ??= new WeakSet<pg.Pool>());

function statementName(text: string): string | undefined {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMED) {
    name = `nerava_${createHash("sha256").update(text).digest("hex").slice(0, 32)}`;
    names.set(text, name);
  }
  return name;
}
