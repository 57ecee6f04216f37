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
