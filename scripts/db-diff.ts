// `npm run db:diff`: prints the SQL that takes the database built by
// prisma/migrations to prisma/schema.prisma. Needs no database server (the
// migrations are replayed into an in-memory PGlite).
//   --check          exit 1 with "Schema drift: ..." when the diff is not empty
//   --create <name>  write the diff to prisma/migrations/<timestamp>_<name>/migration.sql
//   --schema <path>, --migrations <dir>   override the default paths
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { diffMigrationsToSchema, isEmptyDiff, LOCK_CONTENT } from "../lib/db/schema-engine";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function timestamp(d = new Date()): string {
  return d.toISOString().replace(/\D/g, "").slice(0, 14); // UTC YYYYMMDDHHMMSS, like Prisma
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      check: { type: "boolean", default: false },
      create: { type: "string" },
      schema: { type: "string" },
      migrations: { type: "string" },
    },
  });
  if (values.check && values.create !== undefined) {
    console.error("Error: use either --check or --create, not both.");
    return 1;
  }
  const schemaPath = path.resolve(values.schema ?? path.join(root, "prisma/schema.prisma"));
  const migrationsDir = path.resolve(values.migrations ?? path.join(root, "prisma/migrations"));
  const rel = (p: string) => {
    const r = path.relative(process.cwd(), p);
    return r.startsWith("..") ? p : r || ".";
  };

  let name: string | undefined;
  if (values.create !== undefined) {
    name = values.create
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    if (!name) {
      console.error("Error: --create needs a migration name, e.g. --create add_users.");
      return 1;
    }
  }

  const sql = await diffMigrationsToSchema({ migrationsDir, schemaPath });
  const empty = isEmptyDiff(sql);

  if (values.check) {
    if (empty) {
      console.log(`No schema drift: ${rel(migrationsDir)} matches ${rel(schemaPath)}.`);
      return 0;
    }
    console.log(sql);
    console.error(
      `Schema drift: ${rel(schemaPath)} has changes not captured in ${rel(migrationsDir)}. ` +
        "Create a migration with `npm run db:diff -- --create <name>`.",
    );
    return 1;
  }

  if (name !== undefined) {
    if (empty) {
      console.error(`Refusing to create an empty migration: ${rel(schemaPath)} matches ${rel(migrationsDir)}.`);
      return 1;
    }
    const dir = path.join(migrationsDir, `${timestamp()}_${name}`);
    if (existsSync(dir)) {
      console.error(`Error: ${rel(dir)} already exists.`);
      return 1;
    }
    await mkdir(dir, { recursive: true });
    const lockPath = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lockPath)) await writeFile(lockPath, LOCK_CONTENT);
    await writeFile(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
    console.log(`Created ${rel(path.join(dir, "migration.sql"))}`);
    return 0;
  }

  process.stdout.write(sql.endsWith("\n") ? sql : `${sql}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    const code = (err as { code?: unknown } | null)?.code;
    if (typeof code === "string" && /^P\d{4}$/.test(code)) console.error(`Prisma error ${code}`);
    console.error(`db:diff failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
