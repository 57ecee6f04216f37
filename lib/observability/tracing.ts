import { SpanStatusCode, trace, type Attributes, type Span } from "@opentelemetry/api";

// The app's own spans and error reports, on whatever tracer provider is registered: the OTLP one
// (lib/observability/otel.ts) when OTEL_EXPORTER_OTLP_ENDPOINT is set, otherwise the API's no-op.

const tracer = () => trace.getTracer("nerava");

/** Runs `fn` inside an active span named `name`; a throw marks it as an error and ends it. */
export function inSpan<T>(name: string, attributes: Attributes, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err instanceof Error ? err : String(err));
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}

/** An unknown error answered with a request id: recorded on the active span, findable by that id. */
export function recordError(err: unknown, requestId: string, span: Span | undefined = trace.getActiveSpan()): void {
  if (!span) return;
  span.recordException(err instanceof Error ? err : String(err));
  span.setStatus({ code: SpanStatusCode.ERROR, message: err instanceof Error ? err.name : "error" });
  span.setAttribute("request.id", requestId);
}
