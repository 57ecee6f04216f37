import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { accounts, postInTx } from "@/lib/ledger";
import { uid } from "../support/factories";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// npm run db:backup → npm run db:restore into a fresh database → npm run ledger:check on the copy.
// pg_dump and pg_restore need a PostgreSQL server (TEST_DATABASE_URL); PGlite runs skip this file.

function script(file: string, args: string[], databaseUrl: string | undefined) {
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const env = { ...process.env, NODE_ENV: "test" as const, DATABASE_URL: databaseUrl };
    if (databaseUrl === undefined) delete env.DATABASE_URL;
    const child = spawn(process.execPath, ["--import", "tsx", file, ...args], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

const balances = (client: Db) =>
  client.$queryRaw<{ id: string; balance: bigint }[]>`SELECT "id", "balance" FROM "LedgerAccount" ORDER BY "id"`;

describe.skipIf(!process.env.TEST_DATABASE_URL)("backup and restore", () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let client: Db;
  const dir = mkdtempSync(path.join(os.tmpdir(), "nerava-backup-"));
  const file = path.join(dir, "nerava.dump");

  beforeAll(async () => {
    // the source: this run's shared, migrated test database (kept consistent by every file), plus
    // ledger activity of our own; the target: a fresh, empty database
    source = { url: process.env.DATABASE_URL!, drop: async () => {} };
    target = await createTestDatabase("nerava_bk_dst");
    client = createDb(source.url, 2);
    const merchantId = `mer-${uid()}`;
    for (const [i, driverId] of [`drv-${uid()}`, `drv-${uid()}`, `drv-${uid()}`].entries()) {
      const post = (type: "GRANT" | "DIRECT_SPEND", lines: Parameters<typeof postInTx>[1]["lines"]) =>
        client.$transaction(
          (tx) =>
            postInTx(tx, {
              idempotencyKey: `backup:${uid()}`,
              type,
              reason: "backup test",
              request: { driverId },
              lines,
            }),
          { timeout: 30_000 }, // a shared CI machine under a parallel build is slow
        );
      await post("GRANT", [
        { account: accounts.novaIssuance(), amount: -1000n },
        { account: accounts.driverNova(driverId), amount: 1000n },
      ]);
      await post("DIRECT_SPEND", [
        { account: accounts.driverNova(driverId), amount: -100n * BigInt(i + 1) },
        { account: accounts.merchantNova(merchantId), amount: 100n * BigInt(i + 1) },
      ]);
    }
  });

  afterAll(async () => {
    await client?.$disconnect();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("restores a clean ledger with the same balances", async () => {
    const backup = await script("scripts/db-backup.ts", [file], source.url);
    expect(backup.output, backup.output).toMatch(/Backed up to/);
    expect(backup.code).toBe(0);

    const restore = await script("scripts/db-restore.ts", [file], target.url);
    expect(restore.output, restore.output).toMatch(/Restored/);
    expect(restore.code).toBe(0);

    const check = await script("scripts/ledger-check.ts", [], target.url);
    expect(check.output).toMatch(/Checked \d+ transactions and \d+ accounts/);
    expect(check.output).toMatch(/Ledger is consistent\./);
    expect(check.code).toBe(0);

    const copy = createDb(target.url, 1);
    try {
      const restored = await balances(copy);
      expect(restored.length).toBeGreaterThanOrEqual(5);
      expect(restored).toEqual(await balances(client));
      expect(await copy.$queryRaw`SELECT count(*)::int AS n FROM "_prisma_migrations"`).toEqual(
        await client.$queryRaw`SELECT count(*)::int AS n FROM "_prisma_migrations"`,
      );
    } finally {
      await copy.$disconnect();
    }
  }, 150_000); // three scripts, each a tsx start: over a minute on a loaded machine

  it("refuses to restore over a database that has tables, unless --clean", async () => {
    const again = await script("scripts/db-restore.ts", [file], target.url);
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/The target database is not empty/);
    // what pg-boss leaves in a live database: a partitioned table whose partitions inherit their
    // constraints (pg_restore's own --clean cannot drop those), and nothing the backup holds
    const pgClient = new pg.Client({ connectionString: target.url });
    await pgClient.connect();
    await pgClient.query(`CREATE SCHEMA IF NOT EXISTS leftover;
      CREATE TABLE leftover.job (name text, id int, PRIMARY KEY (name, id)) PARTITION BY LIST (name);
      CREATE TABLE leftover.j_demo PARTITION OF leftover.job FOR VALUES IN ('demo');`);
    const clean = await script("scripts/db-restore.ts", [file, "--clean"], target.url);
    expect(clean.output, clean.output).toMatch(/Restored/);
    expect(clean.code).toBe(0);
    const { rows } = await pgClient.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'leftover'`);
    await pgClient.end();
    expect(rows).toEqual([]); // replaced, not merged
  });

  it("says what is missing: no DATABASE_URL, no file argument", async () => {
    const noUrl = await script("scripts/db-backup.ts", [path.join(dir, "x.dump")], undefined);
    expect(noUrl.code).toBe(1);
    expect(noUrl.output).toMatch(/DATABASE_URL is not set\. Backups need a PostgreSQL server/);
    const noFile = await script("scripts/db-backup.ts", [], source.url);
    expect(noFile.code).toBe(1);
    expect(noFile.output).toMatch(/Usage: npm run db:backup -- <file\.dump>/);
  });
});
