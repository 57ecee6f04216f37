import "server-only";
import path from "node:path";
import { db, databaseUrl, type Db } from "@/lib/db";
import { pendingMigrations } from "@/lib/db/schema-engine";

export type Readiness = { ready: boolean; checks: { database: string; migrations: string } };

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/** Database reachable and every migration in the build applied. */
export async function checkReadiness({
  client = db(),
  url = databaseUrl(),
}: { client?: Db; url?: string } = {}): Promise<Readiness> {
  const checks = { database: "ok", migrations: "ok" };
  try {
    await client.$queryRaw`SELECT 1`;
  } catch {
    checks.database = "unreachable";
  }
  if (checks.database === "ok") {
    try {
      const pending = await pendingMigrations({ databaseUrl: url, migrationsDir: MIGRATIONS_DIR });
      if (pending.length > 0) checks.migrations = `pending: ${pending.join(", ")}`;
    } catch {
      checks.migrations = "unknown";
    }
  } else {
    checks.migrations = "unknown";
  }
  return { ready: checks.database === "ok" && checks.migrations === "ok", checks };
}
