// bench:scale check c: with pg-boss workers in every instance, each job runs once. Jobs queued
// here (check-ledger: each run reads the whole ledger and logs its violations) and the
// every-minute schedules both instances registered: every job id is reported done by exactly one
// instance, exactly once, with no retry, and each minute's schedule made one job, not one per instance.
import PgBoss from "pg-boss";
import type pg from "pg";
import type { Check } from "./bench-scale-http";
import { logRecords, type Instance } from "./bench-scale-servers";

const QUEUED = "check-ledger";
// cron ticks are at least ~25 s apart (pg-boss lets one instance check every 30 s); two jobs of one
// schedule closer than this would be one tick queued twice
const MIN_TICK_GAP_MS = 15_000;
type JobRow = {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  created_on: Date;
  singleton_key: string | null;
};

/** Which instance reported each job done ("job done" log records), by job id. */
function doneBy(instances: Instance[]): Map<string, string[]> {
  const by = new Map<string, string[]>();
  for (const i of instances)
    for (const r of logRecords(i))
      if (r.msg === "job done" && typeof r.id === "string") by.set(r.id, [...(by.get(r.id) ?? []), i.name]);
  return by;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function checkJobs(
  opts: { instances: Instance[]; sql: pg.Pool; databaseUrl: string; since: Date },
  count: number,
): Promise<Check> {
  const { instances, sql } = opts;
  // the schedules the instances registered (SCHEDULES in lib/jobs), read back from pg-boss
  const everyMinute = (
    await sql.query<{ name: string }>(`SELECT name FROM pgboss.schedule WHERE cron = '* * * * *' ORDER BY name`)
  ).rows.map((r) => r.name);
  // a sender only: no schedules, no maintenance, no schema changes from this process
  const boss = new PgBoss({
    connectionString: opts.databaseUrl,
    schema: "pgboss",
    max: 2,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  const ids: string[] = [];
  try {
    for (let n = 0; n < count; n++) {
      const id = await boss.send(QUEUED, { bench: n });
      if (id) ids.push(id);
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const problems: string[] = [];
  if (everyMinute.length === 0) problems.push("no every-minute schedule registered (JOBS_ENABLED off?)");
  if (ids.length !== count) problems.push(`queued ${ids.length} of ${count} jobs`);

  // until every queued job and at least two ticks of each every-minute schedule are done (≤ 150 s)
  const deadline = Date.now() + 150_000;
  let rows: JobRow[] = [];
  const read = async () =>
    (rows = (
      await sql.query<JobRow>(
        `SELECT id, name, state, retry_count, created_on, singleton_key FROM pgboss.job
         WHERE (id = ANY($1::uuid[]) OR (name = ANY($2) AND created_on >= $3))`,
        [ids, everyMinute, opts.since],
      )
    ).rows);
  const settled = () => {
    const done = (name?: string) =>
      rows.filter(
        (r) => (name ? r.name === name && r.singleton_key === null : ids.includes(r.id)) && r.state === "completed",
      ).length;
    return done() === ids.length && everyMinute.every((name) => done(name) >= 2);
  };
  while ((await read(), !settled()) && Date.now() < deadline) await sleep(2000);
  if (!settled()) problems.push("not everything was done within 150 s");
  // the "job done" line is written after the handler returns: give the last ones a moment
  await sleep(1000);

  const by = doneBy(instances);
  const queuedBy = new Map(instances.map((i) => [i.name, 0]));
  const runsOf = (id: string) => by.get(id) ?? [];
  for (const r of rows) {
    const runs = runsOf(r.id);
    if (r.state === "completed" && runs.length !== 1)
      problems.push(`${r.name} job ${r.id}: done ${runs.length} times (${runs.join(", ") || "never"})`);
    if (r.retry_count !== 0) problems.push(`${r.name} job ${r.id}: retried ${r.retry_count} time(s)`);
    if (ids.includes(r.id) && runs.length === 1) queuedBy.set(runs[0], queuedBy.get(runs[0])! + 1);
  }
  const violations = instances
    .flatMap(logRecords)
    .filter((r) => r.msg === "job done" && r.job === QUEUED && ids.includes(String(r.id)))
    .filter((r) => (r.result as { violations?: number } | undefined)?.violations !== 0).length;
  if (violations > 0) problems.push(`${violations} ${QUEUED} run(s) found ledger violations`);
  const idle = [...queuedBy].filter(([, n]) => n === 0).map(([name]) => name);
  if (idle.length > 0) problems.push(`${idle.join(", ")} ran none of the queued jobs: the workers did not compete`);

  // each every-minute schedule: one job per tick, not one per instance
  const minutes = (Date.now() - opts.since.getTime()) / 60_000;
  const perSchedule = everyMinute.map((name) => {
    // the clock's jobs carry no singleton key; wake-ups queued by writes (the wallet outbox, announcements) do
    const made = rows.filter((r) => r.name === name && r.singleton_key === null).map((r) => r.created_on.getTime());
    made.sort((a, b) => a - b);
    const gaps = made.slice(1).map((t, n) => t - made[n]);
    const closest = gaps.length ? Math.min(...gaps) : Infinity;
    if (closest < MIN_TICK_GAP_MS) problems.push(`${name}: two jobs ${(closest / 1000).toFixed(1)} s apart`);
    if (made.length > Math.ceil(minutes) + 1)
      problems.push(`${name}: ${made.length} jobs in ${minutes.toFixed(1)} minutes`);
    return `${name} ${made.length}` + (gaps.length ? ` (≥ ${(closest / 1000).toFixed(0)} s apart)` : "");
  });

  return {
    name: `c. each job runs once (pg-boss in ${instances.length} instances)`,
    pass: problems.length === 0,
    detail: [
      `${ids.length} ${QUEUED} jobs queued: ${[...queuedBy].map(([name, n]) => `${n} by ${name}`).join(", ")}; ` +
        `${rows.length} jobs in all, each done by exactly one instance, once`,
      `every-minute schedules over ${minutes.toFixed(1)} minutes (jobs made, each done once): ${perSchedule.join(", ")}`,
      ...problems.slice(0, 10),
    ],
  };
}
