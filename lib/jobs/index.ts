import { logger } from "@/lib/observability";
import { boss, stopBoss } from "./boss";
import { jobsReady } from "./enqueue";
import { JOBS, QUEUE_POLICIES, SCHEDULES, type JobName } from "./handlers";

export { JOBS, type JobName } from "./handlers";
export { stopBoss } from "./boss";
export { readBacklog, registerJobMetrics } from "./metrics";
export { enqueueInTx, jobsReady, queueReady, type EnqueueOptions } from "./enqueue";

/** Starts this instance's workers and (idempotently) the schedules. */
export async function startWorkers(): Promise<void> {
  const queue = await boss();
  for (const name of Object.keys(JOBS) as JobName[]) {
    await queue.createQueue(name, { name, policy: QUEUE_POLICIES[name as JobName] ?? "standard" });
    await queue.work(name, { pollingIntervalSeconds: 2 }, async (jobs) => {
      for (const job of jobs) {
        const result = await JOBS[name](job.data as never);
        logger.info({ job: name, id: job.id, result }, "job done");
      }
    });
  }
  for (const [name, cron] of Object.entries(SCHEDULES)) await queue.schedule(name, cron);
  // follow-ups queued inside a posting's transaction (the wallet outbox's wake-up) need this
  await jobsReady();
  logger.info({ jobs: Object.keys(JOBS) }, "job workers started");
}

export async function stopWorkers(): Promise<void> {
  await stopBoss();
}
