import { execFile } from "node:child_process";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { onPostgresServer } from "../support/env";
import { createTestDatabase } from "../support/test-database";

const run = promisify(execFile);
const migrationNames = readdirSync("prisma/migrations", { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

function migrate(url: string) {
  return run(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    timeout: 120_000,
  });
}

describe.runIf(onPostgresServer)("npm run db:migrate on PostgreSQL", () => {
  it("is safe to run twice at once: each migration applied exactly once", { timeout: 180_000 }, async () => {
    const database = await createTestDatabase("nerava_migrate");
    try {
      const [a, b] = await Promise.all([migrate(database.url), migrate(database.url)]);
      const outputs = [a.stdout, b.stdout];
      // one run applies everything, the other waits for the lock and finds nothing to do
      expect(outputs.filter((o) => /No pending migrations/.test(o))).toHaveLength(1);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query(
        "SELECT migration_name, count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL GROUP BY 1 ORDER BY 1",
      );
      await client.end();
      expect(rows).toEqual(migrationNames.map((migration_name) => ({ migration_name, n: 1 })));
      const again = await migrate(database.url);
      expect(again.stdout).toMatch(/No pending migrations/);
    } finally {
      await database.drop();
    }
  });
});
