// Backups of a PostgreSQL server database with the machine's client tools: `pg_dump -Fc` (custom
// format: compressed, restorable table by table) and `pg_restore` in one transaction.
// Used by scripts/db-backup.ts and scripts/db-restore.ts (npm run db:backup / db:restore).
import { spawn } from "node:child_process";
import pg from "pg";

export class BackupError extends Error {
  override name = "BackupError";
}

// libpq reads these from a URL's query; others (Prisma's schema=, connection_limit=) it refuses.
const LIBPQ_PARAMS = new Set([
  "sslmode",
  "sslrootcert",
  "sslcert",
  "sslkey",
  "sslpassword",
  "application_name",
  "options",
  "connect_timeout",
  "target_session_attrs",
  "host",
  "port",
]);

/** The URL for pg_dump/pg_restore, with the password moved to PGPASSWORD (not visible in `ps`). */
export function libpqTarget(databaseUrl: string | undefined): { url: string; env: NodeJS.ProcessEnv } {
  if (!databaseUrl)
    throw new BackupError(
      "DATABASE_URL is not set. Backups need a PostgreSQL server: the embedded development database " +
        "(PGlite in ./.data) is not backed up by these commands; stop `npm run dev` and copy the folder instead.",
    );
  const url = new URL(databaseUrl);
  if (!/^postgres(ql)?:$/.test(url.protocol))
    throw new BackupError(`DATABASE_URL must be a postgresql:// URL, not ${url.protocol}`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) env.PGPASSWORD = decodeURIComponent(url.password);
  url.password = "";
  for (const key of [...url.searchParams.keys()]) if (!LIBPQ_PARAMS.has(key)) url.searchParams.delete(key);
  return { url: url.toString(), env };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", (err: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          err.code === "ENOENT"
            ? `${tool} was not found: install the PostgreSQL client tools (Debian: apt-get install postgresql-client) matching the server's major version.`
            : `${tool} could not start: ${err.message}`,
        ),
      ),
    );
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new BackupError(`${tool} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}

/** pg_dump refuses a server newer than itself: say so before it does, with both versions. */
export async function assertToolFitsServer(tool: "pg_dump" | "pg_restore", databaseUrl: string): Promise<void> {
  const { url, env } = libpqTarget(databaseUrl);
  const version = await run(tool, ["--version"], env);
  const toolMajor = Number(/\s(\d+)(\.\d+)?/.exec(version)?.[1]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect().catch((err: Error) => {
    throw new BackupError(`Cannot reach the database (${url.replace(/\/\/[^@]*@/, "//")}): ${err.message}`);
  });
  const { rows } = await client.query<{ v: string }>("SHOW server_version_num").finally(() => client.end());
  const serverMajor = Math.floor(Number(rows[0].v) / 10_000);
  if (toolMajor < serverMajor)
    throw new BackupError(
      `${tool} ${toolMajor} is older than the server (PostgreSQL ${serverMajor}): install postgresql-client-${serverMajor}.`,
    );
}

/** Writes a custom-format dump of DATABASE_URL's database to `file`. */
export async function backupDatabase(opts: { databaseUrl: string | undefined; file: string }): Promise<void> {
  const { url, env } = libpqTarget(opts.databaseUrl);
  await assertToolFitsServer("pg_dump", opts.databaseUrl!);
  await run(
    "pg_dump",
    ["--format=custom", "--no-owner", "--no-privileges", `--file=${opts.file}`, `--dbname=${url}`],
    env,
  );
}

/** Tables in the target besides nothing: a restore goes into a fresh database unless `clean` is asked for. */
async function countTables(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client
    .query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .finally(() => client.end());
  return Number(rows[0].n);
}

// pg_restore empties search_path; earthdistance's ll_to_earth (the chargers' geo index) then cannot
// find its own `earth` type while the index is built. The restore script is therefore replayed
// through psql with search_path set to public, in one transaction (all or nothing).
const EMPTY_SEARCH_PATH = "SELECT pg_catalog.set_config('search_path', '', false);";
const RESTORE_SEARCH_PATH = "SELECT pg_catalog.set_config('search_path', 'public, pg_catalog', false);";

// --clean replaces the database's contents: every schema of ours goes first, in the restore's own
// transaction. (pg_restore's own --clean drops object by object, and cannot drop the constraints
// pg-boss's partitioned job tables inherit.)
const REPLACE_EVERYTHING = `DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
  CREATE SCHEMA public;
END $$;
`;

function restoreThroughPsql(file: string, url: string, env: NodeJS.ProcessEnv, clean: boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ["--no-owner", "--no-privileges", "--file=-", file];
    const dump = spawn("pg_restore", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    const psql = spawn("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", `--dbname=${url}`], {
      env,
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    for (const stream of [dump.stderr, psql.stdout, psql.stderr]) stream.on("data", (d) => (output += d));
    if (clean) psql.stdin.write(REPLACE_EVERYTHING);
    // Only the script's preamble (up to the first COPY) is read line by line; the data passes through.
    let head = true;
    let pending = Buffer.alloc(0);
    dump.stdout.on("data", (chunk: Buffer) => {
      if (!head) return void psql.stdin.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      for (let nl = pending.indexOf(10); head && nl >= 0; nl = pending.indexOf(10)) {
        const line = pending.subarray(0, nl + 1);
        pending = pending.subarray(nl + 1);
        const text = line.toString("latin1").trimEnd();
        if (text.startsWith("COPY ")) head = false;
        psql.stdin.write(text === EMPTY_SEARCH_PATH ? `${RESTORE_SEARCH_PATH}\n` : line);
      }
      if (!head) psql.stdin.write(pending.subarray(0));
    });
    dump.stdout.on("end", () => psql.stdin.end(head ? pending : undefined));
    psql.stdin.on("error", () => {}); // psql stopped early: its exit code says why
    let dumpCode: number | null = null;
    const fail = (err: NodeJS.ErrnoException, tool: string) =>
      reject(
        new BackupError(
          err.code === "ENOENT"
            ? `${tool} was not found: install the PostgreSQL client tools (postgresql-client).`
            : err.message,
        ),
      );
    dump.on("error", (err) => fail(err, "pg_restore"));
    psql.on("error", (err) => fail(err, "psql"));
    dump.on("close", (code) => (dumpCode = code));
    psql.on("close", (code) => {
      if (code === 0 && dumpCode === 0) resolve();
      else
        reject(
          new BackupError(
            `Restore failed (pg_restore exit ${dumpCode}, psql exit ${code}); nothing was changed:\n${output.trim()}`,
          ),
        );
    });
  });
}

/** Restores `file` into DATABASE_URL's database in one transaction (all or nothing). */
export async function restoreDatabase(opts: {
  databaseUrl: string | undefined;
  file: string;
  clean?: boolean;
}): Promise<void> {
  const { url, env } = libpqTarget(opts.databaseUrl);
  await assertToolFitsServer("pg_restore", opts.databaseUrl!);
  if (!opts.clean && (await countTables(opts.databaseUrl!)) > 0)
    throw new BackupError(
      "The target database is not empty. Restore into a fresh database (createdb, then point DATABASE_URL at it), " +
        "or pass --clean to drop and replace the objects the backup contains.",
    );
  await restoreThroughPsql(opts.file, url, env, opts.clean ?? false);
}
