import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { startEmbeddedPostgres, type EmbeddedServer } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/schema-engine";
import { checkLedger } from "@/lib/ledger";
import { testDb, uid } from "../support/factories";

// AuditLog, LedgerTransaction and LedgerEntry are history: the database itself refuses UPDATE,
// DELETE and TRUNCATE on them (triggers in the append_only migration), on the PostgreSQL server
// the tests use and on an embedded PGlite built from the same migrations.

const REFUSED = /append-only: (UPDATE|DELETE|TRUNCATE) is refused/;

async function rows(client: Db) {
  const user = await client.user.create({ data: { email: `ao-${uid()}@test.local`, role: "ADMIN" } });
  const audit = await client.auditLog.create({ data: { action: "test.append_only", actorId: user.id } });
  const account = (kind: "ISSUANCE" | "REWARDS_EXPENSE") =>
    client.ledgerAccount.create({
      // balances that agree with the one entry each gets below: the ledger check sees nothing wrong
      // (the rows stay forever, so a disagreement would fail every other file's check)
      data: {
        ownerType: "PLATFORM",
        ownerId: `ao-${uid()}`,
        kind,
        currency: "NOVA",
        allowNegative: true,
        balance: kind === "ISSUANCE" ? -1n : 1n,
      },
    });
  const [from, to] = [await account("ISSUANCE"), await account("REWARDS_EXPENSE")];
  const tx = await client.ledgerTransaction.create({
    data: { idempotencyKey: `ao-${uid()}-${uid()}`, requestHash: "x", type: "GRANT", reason: "test" },
  });
  // a balanced pair, matching the balances above
  await client.ledgerEntry.createMany({
    data: [
      { transactionId: tx.id, accountId: from.id, amount: -1n },
      { transactionId: tx.id, accountId: to.id, amount: 1n },
    ],
  });
  const entry = await client.ledgerEntry.findFirstOrThrow({ where: { transactionId: tx.id, amount: 1n } });
  return { user, audit, tx, entry };
}

function suite(name: string, client: () => Db) {
  describe(name, () => {
    it("refuses UPDATE and DELETE of an audit entry, and deleting its actor", async () => {
      const { user, audit } = await rows(client());
      await expect(client().auditLog.update({ where: { id: audit.id }, data: { action: "x" } })).rejects.toThrow(
        REFUSED,
      );
      await expect(client().auditLog.delete({ where: { id: audit.id } })).rejects.toThrow(REFUSED);
      // users are never hard-deleted: SetNull would have been an UPDATE of the log
      await expect(client().user.delete({ where: { id: user.id } })).rejects.toThrow();
      const kept = await client().auditLog.findUniqueOrThrow({ where: { id: audit.id } });
      expect(kept).toMatchObject({ action: "test.append_only", actorId: user.id });
    });

    it("refuses UPDATE and DELETE of a ledger transaction and its entries", async () => {
      const { tx, entry } = await rows(client());
      await expect(
        client().ledgerTransaction.update({ where: { id: tx.id }, data: { reason: "edited" } }),
      ).rejects.toThrow(REFUSED);
      await expect(client().ledgerTransaction.delete({ where: { id: tx.id } })).rejects.toThrow(REFUSED);
      await expect(client().ledgerEntry.update({ where: { id: entry.id }, data: { amount: 5n } })).rejects.toThrow(
        REFUSED,
      );
      await expect(client().ledgerEntry.deleteMany({ where: { transactionId: tx.id } })).rejects.toThrow(REFUSED);
      expect(await client().ledgerTransaction.findUniqueOrThrow({ where: { id: tx.id } })).toMatchObject({
        reason: "test",
      });
      expect((await client().ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).amount).toBe(1n);
      // rows that can never be removed must leave the ledger consistent for every other test file
      const touched = new Set(
        (await client().ledgerEntry.findMany({ where: { transactionId: tx.id }, select: { accountId: true } })).map(
          (e) => e.accountId,
        ),
      );
      expect((await checkLedger(client())).violations.filter((v) => touched.has(v.id) || v.id === tx.id)).toEqual([]);
    });

    it("refuses TRUNCATE of each table", async () => {
      for (const table of ["AuditLog", "LedgerEntry", "LedgerTransaction"]) {
        await expect(client().$executeRawUnsafe(`TRUNCATE "${table}" CASCADE`)).rejects.toThrow(REFUSED);
      }
      expect(await client().auditLog.count()).toBeGreaterThan(0);
    });
  });
}

suite("on the test database (PostgreSQL when TEST_DATABASE_URL is set)", () => testDb);

describe("on an embedded PGlite built from the migrations", () => {
  let server: EmbeddedServer;
  let dataDir: string;
  let pglite: Db;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), "nerava-append-only-"));
    server = await startEmbeddedPostgres({ dataDir, port: 0 });
    await applyMigrations({ databaseUrl: server.url, migrationsDir: path.resolve("prisma/migrations") });
    pglite = createDb(server.url, 1);
  }, 180_000);
  afterAll(async () => {
    await Promise.allSettled([pglite?.$disconnect(), testDb.$disconnect()]);
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  suite("PGlite", () => pglite);
});
