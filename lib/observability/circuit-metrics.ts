import { Gauge } from "prom-client";
import { metrics } from "./metrics";

const globalForCircuits = globalThis as unknown as { nervaCircuitGauge?: Gauge<"breaker"> };

function circuitGauge(): Gauge<"breaker"> {
  globalForCircuits.nervaCircuitGauge ??= new Gauge({
    name: "nerava_circuit_open",
    help: "1 while a provider circuit breaker is open (failing fast), 0.5 half-open, 0 closed",
    labelNames: ["breaker"],
    registers: [metrics().registry],
  });
  return globalForCircuits.nervaCircuitGauge;
}

type Breaker = { on(event: "open" | "halfOpen" | "close", listener: () => void): unknown };

/** Mirrors a circuit breaker's state into nerava_circuit_open{breaker} (the "provider circuit open" alert). */
export function watchCircuit(breaker: Breaker, name: string): void {
  const gauge = circuitGauge();
  gauge.set({ breaker: name }, 0);
  breaker.on("open", () => gauge.set({ breaker: name }, 1));
  breaker.on("halfOpen", () => gauge.set({ breaker: name }, 0.5));
  breaker.on("close", () => gauge.set({ breaker: name }, 0));
}
