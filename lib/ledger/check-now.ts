import "server-only";
import { Gauge } from "prom-client";
import { db } from "@/lib/db";
import { metrics } from "@/lib/observability";
import { checkLedger } from "./check";

type CheckMetrics = { violations: Gauge; lastRun: Gauge };
const globalForCheck = globalThis as unknown as { nervaLedgerCheckMetrics?: CheckMetrics };

/** nerava_ledger_check_*: what the "ledger check failing" and "ledger check not running" alerts read. */
export function ledgerCheckMetrics(): CheckMetrics {
  const registers = [metrics().registry];
  globalForCheck.nervaLedgerCheckMetrics ??= {
    violations: new Gauge({
      name: "nerava_ledger_check_violations",
      help: "Invariant violations the last ledger check found (0: consistent)",
      registers,
    }),
    lastRun: new Gauge({
      name: "nerava_ledger_check_last_run_timestamp_seconds",
      help: "When the ledger check last completed (Unix seconds)",
      registers,
    }),
  };
  return globalForCheck.nervaLedgerCheckMetrics;
}

/** The invariant check on the app's own database (the script passes its own client to checkLedger). */
export async function checkLedgerNow() {
  const result = await checkLedger(db());
  const gauges = ledgerCheckMetrics();
  gauges.violations.set(result.violations.length);
  gauges.lastRun.set(Date.now() / 1000);
  return result;
}
