import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/** Tests create and drop databases: refuse anything that is not on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run tests against non-local database host "${host}".`);
  }
}

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A fresh database for one test run: on TEST_DATABASE_URL's server when set (dropped
 * after), otherwise an embedded PGlite in a temporary folder.
 */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return createEmbeddedDatabase();
  assertLocalDatabase(serverUrl);
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: databaseUrl(serverUrl, name),
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(() => undefined),
  };
}

/**
 * The integration run's database as the vitest workers see it: on a PostgreSQL server, a migrated
 * template each worker copies (`CREATE DATABASE … TEMPLATE`, see workerDatabaseUrl), so files can
 * run side by side without sharing rows; on PGlite (one session) the database itself, used serially.
 */
export type RunDatabase = { url: string; serverUrl?: string; template?: string };

/** The database this vitest worker (VITEST_POOL_ID) uses for the whole run: made from the template on first use. */
export async function workerDatabaseUrl(run: RunDatabase): Promise<string> {
  if (!run.serverUrl || !run.template) return run.url;
  const name = `${run.template}_w${process.env.VITEST_POOL_ID ?? "1"}`;
  const exists = await admin(run.serverUrl, "SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) {
    // no two files of one worker run at once, so nobody else creates this name meanwhile
    await admin(run.serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${run.template}"`);
  }
  return databaseUrl(run.serverUrl, name);
}

/** Drops the run's template and every worker's copy of it. */
export async function dropRunDatabases(run: RunDatabase): Promise<void> {
  if (!run.serverUrl || !run.template) return;
  const copies = await admin(run.serverUrl, "SELECT datname FROM pg_database WHERE datname LIKE $1", [
    `${run.template}\\_w%`,
  ]);
  for (const name of [...copies.rows.map((r) => r.datname as string), run.template]) {
    await admin(run.serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
}

async function admin(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createEmbeddedDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "nerava-pglite-"));
  const server = await startEmbeddedPostgres({ dataDir, port: 0 });
  return {
    url: server.url,
    drop: async () => {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
