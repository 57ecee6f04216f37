import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { accounts, postInTx } from "@/lib/ledger";
import { createTestDatabase, type TestDatabase } from "../support/test-database";
import { uid } from "../support/factories";

// `npm run ledger:check` against its own throwaway database: the shared test database is never
// corrupted, so other files' ledger assertions stay meaningful.

let database: TestDatabase;
let client: Db;

beforeAll(async () => {
  database = await createTestDatabase("nerava_check");
  await applyMigrations({ databaseUrl: database.url, migrationsDir: path.resolve("prisma/migrations") });
  client = createDb(database.url, 2);
});

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
});

function ledgerCheck(databaseUrl: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ledger-check.ts"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "",
      stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run ledger:check", () => {
  it("exits 0 on a consistent ledger and 1, naming the account, after a balance is corrupted", async () => {
    const driverId = `drv-${uid()}`;
    const merchantId = `mer-${uid()}`;
    await client.$transaction(
      (tx) =>
        postInTx(tx, {
          idempotencyKey: `check-script:${uid()}`,
          type: "GRANT",
          reason: "test grant",
          request: { driverId },
          lines: [
            { account: accounts.novaIssuance(), amount: -500n },
            { account: accounts.driverNova(driverId), amount: 500n },
          ],
        }),
      { timeout: 30_000 }, // a loaded CI machine may need more than the default 5 s
    );
    await client.$transaction(
      (tx) =>
        postInTx(tx, {
          idempotencyKey: `check-script:${uid()}`,
          type: "DIRECT_SPEND",
          reason: "test spend",
          request: { merchantId, driverId },
          lines: [
            { account: accounts.driverNova(driverId), amount: -200n },
            { account: accounts.merchantNova(merchantId), amount: 200n },
          ],
        }),
      { timeout: 30_000 }, // a loaded CI machine may need more than the default 5 s
    );

    const clean = await ledgerCheck(database.url);
    expect(clean.stderr).toBe("");
    expect(clean.stdout).toContain("Checked 2 transactions and 3 accounts");
    expect(clean.stdout).toContain("Ledger is consistent.");
    expect(clean.code).toBe(0);

    // raw SQL, as a bad migration or a hand edit would do it: the balance no longer matches its entries
    const [{ id }] = await client.$queryRaw<{ id: string }[]>`
      UPDATE "LedgerAccount" SET "balance" = "balance" + 1 WHERE "ownerType" = 'DRIVER' AND "ownerId" = ${driverId} RETURNING "id"`;
    const broken = await ledgerCheck(database.url);
    expect(broken.stdout).toContain(`VIOLATION balance_mismatch ${id}: balance 301 but entries sum to 300`);
    expect(broken.stdout).toContain("1 violation(s).");
    expect(broken.code).toBe(1);
  });
});

describe("npm run ledger:check on the hash chains", () => {
  it("names the account and the first entry of its chain that an edit in the database broke", async () => {
    const driverId = `drv-${uid()}`;
    for (const amount of [100n, 200n])
      await client.$transaction(
        (tx) =>
          postInTx(tx, {
            idempotencyKey: `check-script:${uid()}`,
            type: "GRANT",
            reason: "test grant",
            request: { driverId, amount: amount.toString() },
            lines: [
              { account: accounts.novaIssuance(), amount: -amount },
              { account: accounts.driverNova(driverId), amount },
            ],
          }),
        { timeout: 30_000 },
      );
    // a hand edit that gets past the append-only trigger (a superuser turning triggers off) and
    // keeps the balance in step, so only the chain can tell
    const [{ id, accountId }] = await client.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      const edited = await tx.$queryRaw<{ id: bigint; accountId: string }[]>`
        UPDATE "LedgerEntry" SET "amount" = 150 WHERE "amount" = 100 AND "accountId" IN (
          SELECT "id" FROM "LedgerAccount" WHERE "ownerId" = ${driverId}) RETURNING "id", "accountId"`;
      await tx.$executeRaw`UPDATE "LedgerAccount" SET "balance" = "balance" + 50 WHERE "id" = ${edited[0].accountId}`;
      return edited;
    });
    const broken = await ledgerCheck(database.url);
    expect(broken.stdout).toContain(
      `VIOLATION broken_chain ${accountId}: entry ${id} (seq 1): its hash does not match its fields (amount, date or type changed?)`,
    );
    expect(broken.code).toBe(1);
  });
});
