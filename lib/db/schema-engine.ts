// Offline migration tooling on Prisma's wasm schema engine. `pendingMigrations` is cheap
// (one `pg` query, no wasm) for request paths; engine code is imported lazily.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { splitSqlStatements } from "./sql-statements";

/** Advisory lock key serialising `applyMigrations` runs. Must differ from
 * 72707369, which the engine itself locks on its own connection. */
export const MIGRATE_LOCK_KEY = "4815162342";
export const LOCK_CONTENT = 'provider = "postgresql"\n';
const LOCK_FILE = "migration_lock.toml";
const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Reads the migrations folder the way the Prisma CLI does (missing folder = no migrations). */
export async function readMigrationsList(migrationsDir: string): Promise<MigrationList> {
  const baseDir = path.resolve(migrationsDir);
  const lockContent = await readFile(path.join(baseDir, LOCK_FILE), "utf8").catch(() => null);
  const entries = await readdir(baseDir, { withFileTypes: true }).catch((err) => {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  const migrationDirectories = await Promise.all(
    dirs
      .sort((a, b) => a.localeCompare(b))
      .map(async (name) => {
        const content = await readFile(path.join(baseDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (err: Error) => ({ tag: "error" as const, value: err.message }),
        );
        return { path: name, migrationFile: { path: "migration.sql", content } };
      }),
  );
  return { baseDir, lockfile: { path: LOCK_FILE, content: lockContent }, shadowDbInitScript: "", migrationDirectories };
}

// The advisory lock only excludes other *sessions*; PGlite served over a socket
// shares one session between connections, so also serialise runs in-process.
let inProcess: Promise<unknown> = Promise.resolve();

/** Applies pending migrations (like `prisma migrate deploy`) while holding an advisory lock. */
export function applyMigrations(opts: ApplyOptions): Promise<{ applied: string[] }> {
  const run = inProcess.then(() => applyLocked(opts));
  inProcess = run.catch(() => {});
  return run;
}

/** `lockTimeoutMs`: how long to wait for a concurrent run to finish (default 10 min). */
type ApplyOptions = { databaseUrl: string; migrationsDir: string; lockTimeoutMs?: number };

async function applyLocked(opts: ApplyOptions) {
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  const { withSchemaEngine } = await import("./schema-engine-wasm");
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const lock = new pg.Client({ connectionString: opts.databaseUrl });
  await lock.connect();
  try {
    const timeoutMs = Math.max(0, Math.floor(opts.lockTimeoutMs ?? 600_000));
    await lock.query(`SET lock_timeout = ${timeoutMs}`);
    await lock.query("SELECT pg_advisory_lock($1::bigint)", [MIGRATE_LOCK_KEY]).catch((err) => {
      if (err?.code !== "55P03") throw err; // lock_not_available
      throw new Error(`Gave up after ${timeoutMs} ms waiting for the migration lock: is another migration running?`);
    });
    // One connection, so the engine's own lock and its statements share a session.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 1 });
    try {
      const out = await withSchemaEngine(statementAware(new PrismaPg(pool), pool), (engine) =>
        engine.applyMigrations({ migrationsList, filters: NO_FILTERS }),
      );
      return { applied: out.appliedMigrationNames };
    } finally {
      await pool.end();
      await lock.query("SELECT pg_advisory_unlock($1::bigint)", [MIGRATE_LOCK_KEY]).catch(() => {});
    }
  } finally {
    await lock.end();
  }
}

/**
 * The pg adapter, with scripts split where statements really end (sql-statements.ts) and each
 * sent on the same one-connection pool the adapter uses — its own split breaks plpgsql bodies.
 */
function statementAware(factory: SqlMigrationAwareDriverAdapterFactory, pool: pg.Pool) {
  const patch = <T extends { executeScript(script: string): Promise<void> }>(adapter: T): T => {
    adapter.executeScript = async (script) => {
      for (const statement of splitSqlStatements(script)) await pool.query(statement);
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  } satisfies SqlMigrationAwareDriverAdapterFactory;
}

/** Reads a schema file, or every `.prisma` file of a schema folder. */
async function readSchemaFiles(schemaPath: string) {
  const abs = path.resolve(schemaPath);
  if (!(await stat(abs)).isDirectory()) return [{ path: abs, content: await readFile(abs, "utf8") }];
  const names = (await readdir(abs, { recursive: true })).filter((n) => n.endsWith(".prisma")).sort();
  const read = async (n: string) => ({ path: path.join(abs, n), content: await readFile(path.join(abs, n), "utf8") });
  return Promise.all(names.map(read));
}

/**
 * SQL taking the database built by the migrations folder (replayed into an
 * in-memory PGlite shadow database) to the schema's datamodel. No server needed.
 */
export async function diffMigrationsToSchema(opts: { migrationsDir: string; schemaPath: string }): Promise<string> {
  const migrationsList = await readMigrationsList(opts.migrationsDir);
  const files = await readSchemaFiles(opts.schemaPath);
  // First migration: the lock file may not exist yet (`db:diff --create` writes it).
  if (!migrationsList.migrationDirectories.length) migrationsList.lockfile.content ??= LOCK_CONTENT;
  const { withSchemaEngine } = await import("./schema-engine-wasm");
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  // One in-memory PGlite (~2 s to boot) is both the engine's "main" connection
  // (opened eagerly, unused by this diff) and the shadow database.
  const { pgliteExtensions } = await import("./pglite-extensions");
  const db = new PGlite({ extensions: await pgliteExtensions() });
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pglite",
    connect: () => new PrismaPGlite(db).connect(),
    connectToShadowDb: () => new PrismaPGlite(db).connect(),
  };
  try {
    const res = await withSchemaEngine(factory, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      }),
    );
    return res.stdout ?? "";
  } finally {
    await db.close().catch(() => {});
  }
}

/** True when a diff script holds only comments/whitespace ("-- This is an empty migration."). */
export function isEmptyDiff(sql: string): boolean {
  return sql.split("\n").every((line) => line.trim() === "" || line.trim().startsWith("--"));
}

/** Names of migration folders not yet finished in `_prisma_migrations` (all, if it is missing). */
export async function pendingMigrations(opts: { databaseUrl: string; migrationsDir: string }): Promise<string[]> {
  const { migrationDirectories } = await readMigrationsList(opts.migrationsDir);
  const client = new pg.Client({ connectionString: opts.databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  const done = new Set<string>();
  try {
    const res = await client.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    for (const row of res.rows) done.add(row.migration_name);
  } catch (err) {
    if ((err as { code?: string }).code !== "42P01") throw err; // 42P01: undefined_table
  } finally {
    await client.end();
  }
  return migrationDirectories.map((d) => d.path).filter((name) => !done.has(name));
}
