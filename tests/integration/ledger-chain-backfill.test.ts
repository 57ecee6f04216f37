import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { applyMigrations } from "@/lib/db/schema-engine";
import { checkChains } from "@/lib/ledger";
import { entryHash, GENESIS_HASH } from "@/lib/ledger/chain";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The chain migration backfills the entries already there, per account in entry-id order, so an
// existing database verifies clean the moment it is migrated. On a throwaway database: migrated to
// just before the chain, given a small ledger by raw SQL, then migrated the rest of the way.

const CHAIN_MIGRATION = "20261201090000_ledger_hash_chain";
const all = path.resolve("prisma/migrations");
let before: string;
let database: TestDatabase;
let client: Db;

beforeAll(async () => {
  before = mkdtempSync(path.join(os.tmpdir(), "nerava-migrations-"));
  for (const name of readdirSync(all).filter((n) => n < CHAIN_MIGRATION || n === "migration_lock.toml"))
    cpSync(path.join(all, name), path.join(before, name), { recursive: true });
  database = await createTestDatabase("nerava_chain_backfill");
  await applyMigrations({ databaseUrl: database.url, migrationsDir: before });
  client = createDb(database.url, 2);
}, 180_000);

afterAll(async () => {
  await client?.$disconnect();
  await database?.drop();
  rmSync(before, { recursive: true, force: true });
});

describe("the hash chain migration", () => {
  it("chains existing entries in id order and leaves every account's head on its last entry", async () => {
    await client.$executeRawUnsafe(`
      INSERT INTO "LedgerAccount" ("id", "ownerType", "ownerId", "kind", "currency", "balance", "allowNegative") VALUES
        ('acc-issuance', 'PLATFORM', 'platform', 'ISSUANCE', 'NOVA', -60, true),
        ('acc-driver', 'DRIVER', 'd1', 'AVAILABLE', 'NOVA', 60, false),
        ('acc-unused', 'DRIVER', 'd2', 'AVAILABLE', 'NOVA', 0, false)`);
    for (const [n, amount] of [10, 20, 30].entries()) {
      await client.$executeRawUnsafe(
        `INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "createdAt")
         VALUES ('tx${n}', 'k${n}', 'h', 'GRANT', 'old grant', '2026-0${n + 1}-15 09:30:00.123')`,
      );
      await client.$executeRawUnsafe(
        `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amount", "createdAt") VALUES
           ('tx${n}', 'acc-driver', ${amount}, '2026-0${n + 1}-15 09:30:00.123'),
           ('tx${n}', 'acc-issuance', ${-amount}, '2026-0${n + 1}-15 09:30:00.123')`,
      );
    }

    await applyMigrations({ databaseUrl: database.url, migrationsDir: all });

    expect(await checkChains(client)).toEqual([]);
    const entries = await client.ledgerEntry.findMany({
      where: { accountId: "acc-driver" },
      orderBy: { id: "asc" },
      include: { transaction: true },
    });
    expect(entries.map((e) => [e.seq, e.amount])).toEqual([
      [1, 10n],
      [2, 20n],
      [3, 30n],
    ]);
    let prev = GENESIS_HASH;
    for (const e of entries) {
      expect(e.prevHash).toBe(prev);
      expect(e.hash).toBe(
        entryHash({
          seq: e.seq,
          prevHash: prev,
          entryId: e.id.toString(),
          accountId: e.accountId,
          transactionId: e.transactionId,
          amount: e.amount,
          currency: "NOVA",
          type: e.transaction.type,
          createdAt: e.createdAt,
        }),
      );
      prev = e.hash;
    }
    const heads = await client.ledgerAccount.findMany({ orderBy: { id: "asc" } });
    expect(heads.map((a) => [a.id, a.headSeq, a.headHash])).toEqual([
      ["acc-driver", 3, prev],
      ["acc-issuance", 3, expect.stringMatching(/^[0-9a-f]{64}$/)],
      ["acc-unused", 0, GENESIS_HASH],
    ]);
    // the append-only trigger is back on after the backfill
    await expect(client.$executeRawUnsafe(`UPDATE "LedgerEntry" SET "amount" = 1`)).rejects.toThrow(/append-only/);
  }, 180_000);
});
