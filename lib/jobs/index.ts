import { stopBoss } from "./boss";

export { JOB_NAMES, type JobName } from "./names";
export { stopBoss } from "./boss";
export { readBacklog, registerJobMetrics } from "./metrics";
export { enqueueInTx, jobsReady, queueReady, type EnqueueOptions } from "./enqueue";

/**
 * Starts this instance's workers and (idempotently) the schedules. The handlers load here, on a
 * worker's start, not with this module: they reach into every domain, and every module that
 * queues a job imports this one.
 */
export async function startWorkers(): Promise<void> {
  const { runWorkers } = await import("./workers");
  await runWorkers();
}

export async function stopWorkers(): Promise<void> {
  await stopBoss();
}
