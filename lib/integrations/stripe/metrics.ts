import { Counter, Histogram } from "prom-client";
import { metrics as shared } from "@/lib/observability";
import { outcomeOf } from "./outcome";

const globalForMetrics = globalThis as unknown as { nervaStripeMetrics?: ReturnType<typeof create> };

function create() {
  return {
    seconds: new Histogram({
      name: "nerava_stripe_call_seconds",
      help: "Stripe API calls by operation and outcome (ok, rejected, unknown)",
      labelNames: ["operation", "outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
      registers: [shared().registry],
    }),
    errors: new Counter({
      name: "nerava_stripe_errors_total",
      help: "Failed Stripe API calls by operation and Stripe error code",
      labelNames: ["operation", "code"],
      registers: [shared().registry],
    }),
  };
}

const metrics = () => (globalForMetrics.nervaStripeMetrics ??= create());

/** Runs one Stripe call, timing it and counting its failures by code. */
export async function timedCall<T>(operation: string, call: () => Promise<T>): Promise<T> {
  const stop = metrics().seconds.startTimer({ operation });
  try {
    const result = await call();
    stop({ outcome: "ok" });
    return result;
  } catch (err) {
    const outcome = outcomeOf(err);
    stop({ outcome: outcome.kind });
    metrics().errors.inc({ operation, code: outcome.code });
    throw err;
  }
}
