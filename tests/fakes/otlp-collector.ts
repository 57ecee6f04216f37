import http from "node:http";
import type { AddressInfo } from "node:net";

// An OpenTelemetry collector's OTLP/HTTP trace receiver on 127.0.0.1: POST /v1/traces with the
// JSON encoding (what @opentelemetry/exporter-trace-otlp-http sends), answering as a collector does.
// Protobuf bodies are refused with 415, so a misconfigured exporter shows up in the test.

type AnyValue = { stringValue?: string; intValue?: number | string; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: KeyValue[];
  status?: { code?: number; message?: string };
  events?: { name: string; attributes?: KeyValue[] }[];
};
type ExportRequest = {
  resourceSpans?: {
    resource?: { attributes?: KeyValue[] };
    scopeSpans?: { scope?: { name: string }; spans?: OtlpSpan[] }[];
  }[];
};

/** A received span with its attributes as a plain record. */
export type ReceivedSpan = {
  name: string;
  /** 1 internal, 2 server, 3 client (OTLP's SpanKind numbering plus one). */
  kind: number;
  scope: string;
  traceId: string;
  parentSpanId?: string;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  status: { code: number; message?: string };
  events: { name: string; attributes: Record<string, unknown> }[];
};

const plain = (kvs: KeyValue[] = []) =>
  Object.fromEntries(
    kvs.map(({ key, value }) => [
      key,
      value.stringValue ??
        value.boolValue ??
        value.doubleValue ??
        (value.intValue !== undefined ? Number(value.intValue) : undefined),
    ]),
  );

export type FakeOtlpCollector = { url: string; spans: ReceivedSpan[]; requests: number; close(): Promise<void> };

export async function startFakeOtlpCollector(): Promise<FakeOtlpCollector> {
  const spans: ReceivedSpan[] = [];
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/traces") return void res.writeHead(404).end();
      if (!req.headers["content-type"]?.startsWith("application/json")) return void res.writeHead(415).end();
      state.requests++;
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as ExportRequest;
      for (const rs of body.resourceSpans ?? [])
        for (const ss of rs.scopeSpans ?? [])
          for (const s of ss.spans ?? [])
            spans.push({
              name: s.name,
              kind: s.kind,
              scope: ss.scope?.name ?? "",
              traceId: s.traceId,
              parentSpanId: s.parentSpanId || undefined,
              attributes: plain(s.attributes),
              resource: plain(rs.resource?.attributes),
              status: { code: s.status?.code ?? 0, message: s.status?.message },
              events: (s.events ?? []).map((e) => ({ name: e.name, attributes: plain(e.attributes) })),
            });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
