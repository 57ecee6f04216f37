import { Counter } from "prom-client";
import { metrics } from "@/lib/observability";

type WebhookMetrics = { deliveries: Counter<"provider" | "outcome"> };

const globalForWebhooks = globalThis as unknown as { nervaWebhookMetrics?: WebhookMetrics };

/** Deliveries by provider and outcome (handled, duplicate, ignored, failed) on the shared registry. */
export function webhookMetrics(): WebhookMetrics {
  globalForWebhooks.nervaWebhookMetrics ??= {
    deliveries: new Counter({
      name: "webhook_deliveries_total",
      help: "Provider webhook deliveries, by provider and outcome",
      labelNames: ["provider", "outcome"],
      registers: [metrics().registry],
    }),
  };
  return globalForWebhooks.nervaWebhookMetrics;
}
