import "server-only";
import { db, type Tx } from "@/lib/db";
import { logger } from "@/lib/observability";
import { ledgerMetrics } from "./metrics";
import { postInTx, postWith, type FollowRow, type PostInput, type Posted, type PostedWith } from "./post";

const RETRYABLE_SQLSTATE = new Set(["40001", "40P01"]); // serialization failure, deadlock
const MAX_ATTEMPTS = 5;

export function isRetryable(err: unknown): boolean {
  const e = err as { code?: string; meta?: { code?: string }; cause?: { code?: string }; message?: string } | null;
  if (!e) return false;
  if (e.code === "P2034") return true; // Prisma: write conflict or deadlock
  const sqlstate = e.meta?.code ?? e.cause?.code ?? e.code;
  return (
    (sqlstate !== undefined && RETRYABLE_SQLSTATE.has(sqlstate)) ||
    /TransactionWriteConflict|deadlock detected/i.test(e.message ?? "")
  );
}

/**
 * One database transaction for one money movement (plus what must commit with it), retried a
 * bounded number of times on serialization failures and deadlocks. Constraints and conditional
 * updates decide; nothing here locks in-process. The isolation is the database's default, READ
 * COMMITTED (naming it would cost a round trip per transaction): every check that decides is a
 * conditional write or a lock, which that level is enough for.
 */
export async function runMoneyTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return withRetries(() => db().$transaction(fn, { maxWait: 10_000, timeout: 20_000 }));
}

/**
 * A posting that is the caller's whole transaction (an admin grant): its one statement commits on
 * its own, so the request makes one round trip for the money, not BEGIN, posting, COMMIT.
 */
export async function postNow(input: PostInput): Promise<Posted> {
  return withRetries(() => postInTx(db(), input));
}

/**
 * postNow with a row of the caller's written by the same statement when the posting is new (a
 * redemption's code): one round trip for both, all or nothing, no transaction around them.
 */
export async function postNowWith<R>(input: PostInput, follow: FollowRow): Promise<PostedWith<R>> {
  return withRetries(() => postWith<R>(db(), input, follow));
}

async function withRetries<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(err)) throw err;
      ledgerMetrics().retries.inc();
      logger.warn({ attempt }, "money transaction retried after a conflict");
      await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
    }
  }
}
