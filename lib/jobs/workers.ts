import { logger } from "@/lib/observability";
import { boss } from "./boss";
import { jobsReady } from "./enqueue";
import { JOBS, SCHEDULES } from "./handlers";
import { JOB_NAMES, QUEUE_POLICIES } from "./names";

/** Starts this instance's workers and (idempotently) the schedules. */
export async function runWorkers(): Promise<void> {
  const queue = await boss();
  for (const name of JOB_NAMES) {
    await queue.createQueue(name, { name, policy: QUEUE_POLICIES[name] ?? "standard" });
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
  logger.info({ jobs: JOB_NAMES }, "job workers started");
}
