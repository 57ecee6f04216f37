import type { Redis } from "ioredis";
import { db } from "@/lib/db";
import { checkLedger, type LedgerViolation } from "@/lib/ledger";
import { testDb } from "./factories";

/** Ledger violations that were not there at `baseline` (another file may deliberately leave a broken row behind). */
export async function newViolations(baseline: LedgerViolation[]): Promise<LedgerViolation[]> {
  const seen = new Set(baseline.map((v) => `${v.kind}:${v.id}`));
  return (await checkLedger(testDb)).violations.filter((v) => !seen.has(`${v.kind}:${v.id}`));
}

/** For a file's afterAll: the test client, the app's client and the rate limiter's Redis connection. */
export async function closeConnections(): Promise<void> {
  await testDb.$disconnect();
  await db().$disconnect();
  await (globalThis as unknown as { nervaRedis?: Redis }).nervaRedis?.quit();
}

/**
 * Fixtures only: moves a posted transaction into the past. The ledger refuses UPDATE (a trigger),
 * so this runs with triggers off for its own transaction (session_replication_role needs the
 * superuser the tests connect as; the application's role cannot do this). An entry's date is
 * part of its hash, so the touched accounts' chains are rehashed from that entry to their heads,
 * with the accounts locked as a posting would lock them (other files post to the same platform
 * accounts meanwhile), and checkLedger still finds every chain intact.
 */
export async function backdate(transactionId: string, at: Date) {
  await testDb.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
      await tx.$queryRaw`
        SELECT "id" FROM "LedgerAccount"
        WHERE "id" IN (SELECT "accountId" FROM "LedgerEntry" WHERE "transactionId" = ${transactionId})
        ORDER BY "id" FOR UPDATE`;
      await tx.ledgerTransaction.update({ where: { id: transactionId }, data: { createdAt: at } });
      await tx.ledgerEntry.updateMany({ where: { transactionId }, data: { createdAt: at } });
      await tx.$executeRaw`
        WITH RECURSIVE chain AS (
          SELECT * FROM (
            SELECT DISTINCT ON (e."accountId") e."id", e."accountId", e."seq", e."prevHash" AS prev,
              "ledger_entry_hash"(e."seq", e."prevHash", e."id", e."accountId", e."transactionId", e."amount",
                a."currency"::text, t."type", e."createdAt") AS hash
            FROM "LedgerEntry" e
            JOIN "LedgerAccount" a ON a."id" = e."accountId"
            JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
            WHERE e."transactionId" = ${transactionId}
            ORDER BY e."accountId", e."seq"
          ) first
          UNION ALL
          SELECT e."id", e."accountId", e."seq", c.hash,
            "ledger_entry_hash"(e."seq", c.hash, e."id", e."accountId", e."transactionId", e."amount",
              a."currency"::text, t."type", e."createdAt")
          FROM chain c
          JOIN "LedgerEntry" e ON e."accountId" = c."accountId" AND e."seq" = c."seq" + 1
          JOIN "LedgerAccount" a ON a."id" = e."accountId"
          JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
        ), moved AS (
          UPDATE "LedgerEntry" e SET "prevHash" = chain.prev, "hash" = chain.hash
          FROM chain WHERE e."id" = chain."id" RETURNING e."accountId", e."seq", e."hash"
        )
        UPDATE "LedgerAccount" a SET "headHash" = h."hash"
        FROM (SELECT DISTINCT ON ("accountId") "accountId", "seq", "hash" FROM moved ORDER BY "accountId", "seq" DESC) h
        WHERE a."id" = h."accountId" AND a."headSeq" = h."seq"`;
    },
    { timeout: 30_000 },
  );
}
