import { Gauge } from "prom-client";
import { db } from "@/lib/db/client";
import { logger, metrics } from "@/lib/observability";

type BacklogRow = { name: string; ready: bigint; oldest: number | null; failed: bigint };
const globalForJobMetrics = globalThis as unknown as { nervaJobMetrics?: true };

/**
 * Reads the queue's state from pg-boss's own table when Prometheus scrapes (any pod can answer,
 * workers or not): jobs due and not started, how long the oldest has waited, jobs failed in the last
 * hour. A worker fleet that is down or stuck shows here while its own metrics are silent.
 */
export async function readBacklog(): Promise<BacklogRow[]> {
  return db().$queryRaw<BacklogRow[]>`
    SELECT name,
      count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()) AS ready,
      EXTRACT(epoch FROM now() - min(start_after) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()))::float8 AS oldest,
      count(*) FILTER (WHERE state = 'failed' AND completed_on > now() - interval '1 hour') AS failed
    FROM pgboss.job GROUP BY name`;
}

export function registerJobMetrics(read: () => Promise<BacklogRow[]> = readBacklog): void {
  if (globalForJobMetrics.nervaJobMetrics) return;
  globalForJobMetrics.nervaJobMetrics = true;
  let pending: Promise<void> | undefined;
  // One read serves the three gauges of a scrape.
  const collect = () =>
    (pending ??= read()
      .then((rows) => {
        for (const g of gauges) g.reset();
        for (const row of rows) {
          ready.set({ queue: row.name }, Number(row.ready));
          oldest.set({ queue: row.name }, row.oldest ?? 0);
          failed.set({ queue: row.name }, Number(row.failed));
        }
      })
      .catch((err: unknown) => logger.warn({ err }, "job backlog metrics unavailable (queue not created yet?)"))
      .finally(() => (pending = undefined)));
  const gauge = (name: string, help: string) =>
    new Gauge({ name, help, labelNames: ["queue"], registers: [metrics().registry], collect });
  const ready = gauge("nerava_job_backlog", "Jobs due and not yet started, by queue");
  const oldest = gauge("nerava_job_oldest_ready_seconds", "How long the oldest due job has waited to start, by queue");
  const failed = gauge("nerava_job_failed_last_hour", "Jobs that failed in the last hour, by queue");
  const gauges = [ready, oldest, failed];
}
