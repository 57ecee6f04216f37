import { describe, expect, it } from "vitest";
import { queueOptions } from "@/lib/jobs/boss";

// Web instances (JOBS_ENABLED=false) scale out behind the load balancer: each must only insert
// jobs, not poll pg-boss's schedules (its send-it queue) or run its maintenance.
describe("the job queue's role per instance", () => {
  it("a web instance's queue is a sender: no cron clock, no maintenance", () => {
    const web = queueOptions("postgresql://db/app", false);
    expect(web).toMatchObject({ schedule: false, supervise: false, schema: "pgboss", max: 3 });
  });

  it("a worker's queue keeps the schedules and the maintenance", () => {
    const worker = queueOptions("postgresql://db/app", true);
    expect(worker).toMatchObject({ schedule: true, supervise: true, schema: "pgboss" });
    expect(worker.connectionString).toBe("postgresql://db/app");
  });
});
