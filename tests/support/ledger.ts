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
 * superuser the tests connect as; the application's role cannot do this).
 */
export async function backdate(transactionId: string, at: Date) {
  await testDb.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.ledgerTransaction.update({ where: { id: transactionId }, data: { createdAt: at } });
    await tx.ledgerEntry.updateMany({ where: { transactionId }, data: { createdAt: at } });
  });
}
