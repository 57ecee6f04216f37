import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { trace } from "@opentelemetry/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as ready } from "@/app/api/ready/route";
import { db } from "@/lib/db";
import { route } from "@/lib/http";
import { startTracing, type Tracing } from "@/lib/observability/otel";
import { startFakeOtlpCollector, type FakeOtlpCollector, type ReceivedSpan } from "../fakes/otlp-collector";
import { call } from "../support/request";

// OpenTelemetry against a fake OTLP/HTTP collector: route spans, Prisma queries, outgoing HTTP
// (fetch for Square/Google/NREL, node:http for Stripe/Twilio) and an unknown error with its request id.

let collector: FakeOtlpCollector;
let tracing: Tracing;
let provider: http.Server;
let providerUrl: string;

beforeAll(async () => {
  collector = await startFakeOtlpCollector();
  tracing = startTracing({ endpoint: collector.url, serviceName: "nerava-test", version: "t1" });
  // a stand-in for a provider's API
  provider = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end("{}"));
  await new Promise<void>((resolve) => provider.listen(0, "127.0.0.1", resolve));
  providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await tracing?.shutdown();
  trace.disable();
  await new Promise((r) => provider?.close(r));
  await collector?.close();
});

async function exported(match: (s: ReceivedSpan) => boolean): Promise<ReceivedSpan> {
  await tracing.flush();
  const span = collector.spans.find(match);
  expect(span, `spans received: ${collector.spans.map((s) => s.name).join(", ")}`).toBeDefined();
  return span!;
}

describe("tracing over OTLP/HTTP", () => {
  it("a route handler's span carries the route, status, request id and service", async () => {
    const res = await call(ready, { path: "/api/ready", headers: { "x-request-id": "trace-ready-0001" } });
    expect(res.status).toBe(200);
    const span = await exported((s) => s.name === "GET /api/ready");
    expect(span.attributes).toMatchObject({
      "http.route": "/api/ready",
      "http.request.method": "GET",
      "http.response.status_code": 200,
      "request.id": "trace-ready-0001",
    });
    expect(span.resource).toMatchObject({ "service.name": "nerava-test", "service.version": "t1" });
    expect(span.status.code).toBe(0);
  });

  it("Prisma queries are spans, inside the trace of the route that ran them", async () => {
    const readySpan = await exported((s) => s.name === "GET /api/ready");
    const query = await exported((s) => s.name === "prisma:client:db_query" && s.traceId === readySpan.traceId);
    expect(query.kind).toBe(3); // client
    await db().$queryRaw`SELECT 1 AS one`;
    await exported((s) => s.name === "prisma:client:operation" && s.traceId !== readySpan.traceId);
  });

  it("outgoing HTTP is traced: fetch (undici) and node:http", async () => {
    await fetch(`${providerUrl}/v2/locations`);
    const fetched = await exported(
      (s) => s.scope.includes("undici") && String(s.attributes["url.full"]).includes("/v2/locations"),
    );
    expect(fetched.attributes).toMatchObject({ "http.request.method": "GET", "http.response.status_code": 200 });

    // the SDKs that use node:http load it with require, which is where the instrumentation hooks in
    const nodeHttp = createRequire(import.meta.url)("node:http") as typeof http;
    await new Promise<void>((resolve, reject) =>
      nodeHttp.get(`${providerUrl}/v1/transfers`, (res) => res.resume().on("end", resolve)).on("error", reject),
    );
    const viaHttp = await exported(
      (s) =>
        s.scope.includes("instrumentation-http") &&
        s.kind === 3 &&
        JSON.stringify(s.attributes).includes("/v1/transfers"),
    );
    expect(viaHttp.name).toBe("GET");
  });

  it("an unknown error: the span is marked ERROR with the exception and the request id the user was shown", async () => {
    const boom = route({ name: "/test/boom", permission: "public" }, async () => {
      throw new Error('kaboom: relation "Secret" does not exist');
    });
    const res = await call(boom, { path: "/test/boom", headers: { "x-request-id": "trace-boom-0001" } });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { requestId: string; message: string } };
    expect(body.error.requestId).toBe("trace-boom-0001");
    expect(body.error.message).not.toMatch(/kaboom/);
    const span = await exported((s) => s.name === "GET /test/boom");
    expect(span.status.code).toBe(2); // ERROR
    expect(span.attributes).toMatchObject({ "request.id": "trace-boom-0001", "http.response.status_code": 500 });
    const exception = span.events.find((e) => e.name === "exception");
    expect(exception?.attributes).toMatchObject({
      "exception.type": "Error",
      "exception.message": expect.stringContaining("kaboom"),
    });
  });
});
