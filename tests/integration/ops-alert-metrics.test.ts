import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/metrics/route";
import { jobsReady, stopWorkers } from "@/lib/jobs";
import { boss } from "@/lib/jobs/boss";
import { checkLedgerNow } from "@/lib/ledger";
import { createGoogleCircuit } from "@/lib/wallet/google/circuit";
import { GoogleWalletError } from "@/lib/wallet/google/errors";
import { call } from "../support/request";

// The metrics the chart's PrometheusRule alerts on (deploy/helm/nerava/templates/prometheusrule.yaml)
// exist and move when the thing they report happens.

async function scrape(): Promise<string> {
  const res = await call(metricsRoute, { path: "/api/metrics" });
  expect(res.status).toBe(200);
  return res.text();
}

const value = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

beforeAll(() => jobsReady());
afterAll(() => stopWorkers());

describe("alert metrics", () => {
  it("nerava_ledger_check_*: the check's result and when it ran", async () => {
    const before = Date.now() / 1000;
    const { violations } = await checkLedgerNow();
    const text = await scrape();
    expect(value(text, "nerava_ledger_check_violations")).toBe(violations.length);
    expect(value(text, "nerava_ledger_check_last_run_timestamp_seconds")).toBeGreaterThanOrEqual(Math.floor(before));
  });

  it("nerava_circuit_open: 0 while closed, 1 once repeated failures open the breaker", async () => {
    const circuit = createGoogleCircuit("alert-test", {
      errorThresholdPercentage: 50,
      volumeThreshold: 2,
      rollingWindowMs: 10_000,
      resetTimeoutMs: 60_000,
    });
    try {
      expect(value(await scrape(), 'nerava_circuit_open{breaker="alert-test"}')).toBe(0);
      const failing = () => Promise.reject(new GoogleWalletError("Google answered 503", 503, true));
      for (let i = 0; i < 3; i++) await circuit.run(failing).catch(() => {});
      expect(circuit.opened).toBe(true);
      expect(value(await scrape(), 'nerava_circuit_open{breaker="alert-test"}')).toBe(1);
    } finally {
      circuit.shutdown();
    }
  });

  it("nerava_job_backlog: due jobs nobody has started, read from the queue's table at scrape time", async () => {
    const queue = await boss();
    await queue.send("purge-place-coordinates", {});
    await queue.send("purge-place-coordinates", {});
    const text = await scrape();
    expect(value(text, 'nerava_job_backlog{queue="purge-place-coordinates"}')).toBeGreaterThanOrEqual(2);
    expect(value(text, 'nerava_job_oldest_ready_seconds{queue="purge-place-coordinates"}')).toBeGreaterThanOrEqual(0);
    expect(value(text, 'nerava_job_failed_last_hour{queue="purge-place-coordinates"}')).toBe(0);
  });
});
