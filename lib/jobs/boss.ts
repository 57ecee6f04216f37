import PgBoss from "pg-boss";
import { config } from "@/lib/config";
import { databaseUrl } from "@/lib/db/client";
import { logger } from "@/lib/observability";

const globalForJobs = globalThis as unknown as { nervaBoss?: Promise<PgBoss>; nervaBossStarted?: PgBoss };

/**
 * A worker instance (JOBS_ENABLED) keeps pg-boss's cron clock and maintenance; a web instance only
 * inserts jobs (in its requests' transactions), so scaling the web tier adds no queue polling.
 */
export function queueOptions(url: string, workers: boolean): PgBoss.ConstructorOptions {
  return { connectionString: url, max: 3, schema: "pgboss", supervise: workers, schedule: workers };
}

/**
 * The job queue lives in PostgreSQL (pg-boss): jobs survive restarts, and each is handed to
 * exactly one worker across however many app instances run.
 */
export function boss(): Promise<PgBoss> {
  globalForJobs.nervaBoss ??= (async () => {
    const instance = new PgBoss(queueOptions(databaseUrl(), config().JOBS_ENABLED));
    instance.on("error", (err) => logger.error({ err }, "job queue error"));
    await instance.start();
    globalForJobs.nervaBossStarted = instance;
    return instance;
  })();
  return globalForJobs.nervaBoss;
}

/** The queue if it has started, without starting it (no I/O): for use inside a transaction. */
export function startedBoss(): PgBoss | undefined {
  return globalForJobs.nervaBossStarted;
}

export async function stopBoss(): Promise<void> {
  const pending = globalForJobs.nervaBoss;
  globalForJobs.nervaBoss = undefined;
  globalForJobs.nervaBossStarted = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 5_000 });
}
