import { Counter, Gauge } from "prom-client";
import { metrics } from "@/lib/observability";

const globalForPayouts = globalThis as unknown as { nervaPayoutMetrics?: ReturnType<typeof create> };

function create() {
  const registers = [metrics().registry];
  return {
    transitions: new Counter({
      name: "nerava_payout_transitions_total",
      help: "Payouts entering each state, by method",
      labelNames: ["to", "method"],
      registers,
    }),
    requestedCents: new Counter({
      name: "nerava_payout_requested_cents_total",
      help: "Cash-out amounts requested, in cents, by method",
      labelNames: ["method"],
      registers,
    }),
    mismatches: new Counter({
      name: "nerava_payout_reconciliation_mismatches_total",
      help: "Differences the reconciliation found between Stripe and the ledger, by kind",
      labelNames: ["kind"],
      registers,
    }),
    openMismatches: new Gauge({
      name: "nerava_payout_reconciliation_open_mismatches",
      help: "Unresolved reconciliation mismatches after the last run",
      registers,
    }),
  };
}

export const payoutMetrics = () => (globalForPayouts.nervaPayoutMetrics ??= create());
