import { Counter } from "prom-client";
import { metrics } from "@/lib/observability";

type LedgerMetrics = {
  transactions: Counter<"type">;
  replays: Counter<"type">;
  conflicts: Counter<"type">;
  retries: Counter;
  redemptions: Counter<"outcome">;
};

const globalForLedger = globalThis as unknown as { nervaLedgerMetrics?: LedgerMetrics };

/** Business counters on the shared registry: money movements, replays, conflicts, retries, redemptions. */
export function ledgerMetrics(): LedgerMetrics {
  if (globalForLedger.nervaLedgerMetrics) return globalForLedger.nervaLedgerMetrics;
  const registers = [metrics().registry];
  globalForLedger.nervaLedgerMetrics = {
    transactions: new Counter({
      name: "ledger_transactions_total",
      help: "Ledger transactions posted, by type",
      labelNames: ["type"],
      registers,
    }),
    replays: new Counter({
      name: "ledger_idempotent_replays_total",
      help: "Requests answered from an earlier transaction with the same key",
      labelNames: ["type"],
      registers,
    }),
    conflicts: new Counter({
      name: "ledger_idempotency_conflicts_total",
      help: "Same idempotency key, different request",
      labelNames: ["type"],
      registers,
    }),
    retries: new Counter({
      name: "ledger_transaction_retries_total",
      help: "Money transactions retried after a serialization failure or deadlock",
      registers,
    }),
    redemptions: new Counter({
      name: "redemptions_total",
      help: "Redemption attempts by outcome",
      labelNames: ["outcome"],
      registers,
    }),
  };
  return globalForLedger.nervaLedgerMetrics;
}
