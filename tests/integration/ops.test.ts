import { afterAll, describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as version } from "@/app/api/version/route";
import { createDb } from "@/lib/db/client";
import { checkReadiness } from "@/lib/ops";
import { call } from "../support/request";
import { createTestDatabase } from "../support/test-database";

afterAll(() => vi.unstubAllEnvs());

describe("operations endpoints", () => {
  it("/api/health answers without touching the database", async () => {
    const res = await call(health, { path: "/api/health" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("x-request-id")).toMatch(/.{8,}/);
  });

  it("/api/ready is 200 on a migrated database", async () => {
    const res = await call(ready, { path: "/api/ready" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, checks: { database: "ok", migrations: "ok" } });
  });

  it("readiness fails when migrations are pending", async () => {
    const empty = await createTestDatabase("nerava_unmigrated");
    const client = createDb(empty.url, 1);
    try {
      const result = await checkReadiness({ client, url: empty.url });
      expect(result.ready).toBe(false);
      expect(result.checks.database).toBe("ok");
      expect(result.checks.migrations).toMatch(/^pending: \d{14}_/);
    } finally {
      await client.$disconnect();
      await empty.drop();
    }
  });

  it("readiness fails when the database is unreachable", async () => {
    const url = "postgresql://postgres@127.0.0.1:1/nowhere";
    const client = createDb(url, 1);
    const result = await checkReadiness({ client, url });
    await client.$disconnect();
    expect(result).toEqual({ ready: false, checks: { database: "unreachable", migrations: "unknown" } });
  });

  it("/api/version names the build", async () => {
    vi.stubEnv("GIT_SHA", "abc123def");
    const res = await call(version, { path: "/api/version" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ name: "nerava", gitSha: "abc123def" });
  });

  it("keeps a caller's request id", async () => {
    const res = await call(health, { headers: { "x-request-id": "trace-0001-abcd" } });
    expect(res.headers.get("x-request-id")).toBe("trace-0001-abcd");
  });
});

describe("/api/metrics", () => {
  it("serves Prometheus text that counts the requests it has seen", async () => {
    const { GET: metrics } = await import("@/app/api/metrics/route");
    await call(health, { path: "/api/health" });
    const res = await call(metrics, { path: "/api/metrics" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(text).toMatch(/http_request_duration_seconds_bucket/);
  });

  it("requires the bearer token when one is configured", async () => {
    vi.resetModules();
    vi.stubEnv("METRICS_TOKEN", "s3cret-metrics");
    const { GET: metrics } = await import("@/app/api/metrics/route");
    expect((await call(metrics)).status).toBe(401);
    expect((await call(metrics, { headers: { authorization: "Bearer wrong-token" } })).status).toBe(401);
    expect((await call(metrics, { headers: { authorization: "Bearer s3cret-metrics" } })).status).toBe(200);
  });
});
