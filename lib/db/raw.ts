import "server-only";
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
  const result = await poolOf(db()).query(query.text, values);
  return result.rows as T[];
}
