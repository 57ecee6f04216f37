import type PgBoss from "pg-boss";
import type { Tx } from "@/lib/db";
import { boss, startedBoss } from "./boss";
import { JOB_NAMES, QUEUE_POLICIES, type JobName } from "./names";

export type EnqueueOptions = { startAfterSeconds?: number; singletonKey?: string };

// On globalThis like the queue itself: Next bundles instrumentation (which starts the workers)
// apart from the routes, and a route must see the queues the workers' start made ready.
const globalForReady = globalThis as unknown as {
  nervaJobsPreparing?: WeakMap<PgBoss, Promise<void>>;
  nervaJobsReady?: WeakSet<PgBoss>;
};
const preparing = (globalForReady.nervaJobsPreparing ??= new WeakMap<PgBoss, Promise<void>>());
const ready = (globalForReady.nervaJobsReady ??= new WeakSet<PgBoss>());

/**
 * Starts the queue and creates every job's queue (idempotent, once per queue instance). Call it
 * before opening the transaction that enqueues: it uses the queue's own connections, which on
 * the embedded database would wait behind that open transaction.
 */
export async function jobsReady(): Promise<void> {
  const queue = await boss();
  if (ready.has(queue)) return;
  let pending = preparing.get(queue);
  if (!pending) {
    pending = (async () => {
      for (const name of JOB_NAMES) await queue.createQueue(name, { name, policy: QUEUE_POLICIES[name] ?? "standard" });
      ready.add(queue);
    })().finally(() => preparing.delete(queue));
    preparing.set(queue, pending);
  }
  await pending;
}

/** Whether enqueueInTx can run now (jobsReady() has run in this process): for best-effort follow-ups a sweep also covers. */
export function queueReady(): boolean {
  const queue = startedBoss();
  return queue !== undefined && ready.has(queue);
}

/** pg-boss's SQL run on the caller's transaction; values prepared the way `pg` would (objects as JSON). */
function onTransaction(tx: Tx): PgBoss.Db {
  return {
    async executeSql(text, values = []) {
      const args = values.map((v) =>
        v === undefined ? null : v !== null && typeof v === "object" && !(v instanceof Date) ? JSON.stringify(v) : v,
      );
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...args) };
    },
  };
}

/**
 * Inserts a job in the caller's transaction: it exists exactly when the write it follows is
 * committed, so a crash after the commit cannot lose it and a rollback leaves no job behind.
 * Needs `jobsReady()` first. Returns the job id, or null when the queue's policy keeps one
 * copy per singleton key and it is already queued.
 */
export async function enqueueInTx(
  tx: Tx,
  name: JobName,
  data: Record<string, unknown>,
  opts: EnqueueOptions = {},
): Promise<string | null> {
  const queue = startedBoss();
  if (!queue || !ready.has(queue)) throw new Error("enqueueInTx: call jobsReady() before opening the transaction");
  return queue.send(name, data, {
    db: onTransaction(tx),
    startAfter: opts.startAfterSeconds ?? 0,
    retryLimit: 5,
    retryDelay: 10,
    retryBackoff: true,
    singletonKey: opts.singletonKey ?? (typeof data.sessionId === "string" ? data.sessionId : undefined),
  });
}
