// OpenTelemetry tracing, started by instrumentation.ts (Node.js runtime only) when
// OTEL_EXPORTER_OTLP_ENDPOINT is set: spans of the app's route handlers (lib/http/route.ts),
// outgoing HTTP (node:http for the Stripe and Twilio SDKs, undici for fetch: Square, Google,
// NREL, Places) and Prisma queries, exported as OTLP/HTTP JSON to <endpoint>/v1/traces.
// OTEL_EXPORTER_OTLP_HEADERS and OTEL_TRACES_SAMPLER are read by the SDK itself.
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { UndiciInstrumentation } from "@opentelemetry/instrumentation-undici";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { PrismaInstrumentation } from "@prisma/instrumentation";

export type Tracing = { flush: () => Promise<void>; shutdown: () => Promise<void> };

export function startTracing(opts: { endpoint: string; serviceName: string; version?: string }): Tracing {
  const url = `${opts.endpoint.replace(/\/+$/, "")}/v1/traces`;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      "service.name": opts.serviceName,
      "service.version": opts.version ?? "unknown",
    }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  const collector = new URL(url).host;
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      // health probes would drown the traces; the exporter's own posts are not traced
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => /^\/api\/(health|ready|metrics)\b/.test(req.url ?? ""),
        ignoreOutgoingRequestHook: (req) => `${req.hostname ?? req.host}:${req.port}` === collector,
      }),
      new UndiciInstrumentation({ ignoreRequestHook: (req) => req.origin.endsWith(collector) }),
      new PrismaInstrumentation(),
    ],
  });
  return {
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      unregister();
      await provider.shutdown();
    },
  };
}
