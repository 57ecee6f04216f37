import CircuitBreaker from "opossum";
import { logger, watchCircuit } from "@/lib/observability";
import { GoogleWalletError } from "./errors";

export type CircuitPolicy = {
  /** Opens when more than this share of calls in the window failed... */
  errorThresholdPercentage: number;
  /** ...and at least this many calls were made in it. */
  volumeThreshold: number;
  rollingWindowMs: number;
  /** Open → half-open: one trial call is let through after this long. */
  resetTimeoutMs: number;
};

export const GOOGLE_CIRCUIT_POLICY: CircuitPolicy = {
  errorThresholdPercentage: 50,
  volumeThreshold: 10,
  rollingWindowMs: 60_000,
  resetTimeoutMs: 30_000,
};

/**
 * A circuit breaker around Wallet calls: when Google keeps failing (429, 5xx, timeouts), a sweep
 * of hundreds of drivers fails fast instead of waiting out every timeout; the outbox keeps the
 * rows. A refusal (other 4xx) says nothing about Google's health and is not counted.
 */
export function createGoogleCircuit(name: string, policy: CircuitPolicy = GOOGLE_CIRCUIT_POLICY) {
  const breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
    name,
    timeout: false, // each attempt has its own AbortSignal timeout
    errorThresholdPercentage: policy.errorThresholdPercentage,
    volumeThreshold: policy.volumeThreshold,
    rollingCountTimeout: policy.rollingWindowMs,
    rollingCountBuckets: 10,
    resetTimeout: policy.resetTimeoutMs,
    errorFilter: (err: unknown) => !(err instanceof GoogleWalletError && err.retryable),
  });
  const log = logger.child({ provider: "google-wallet", circuit: name });
  breaker.on("open", () => log.warn("circuit opened: failing fast"));
  breaker.on("halfOpen", () => log.info("circuit half-open: trying one call"));
  breaker.on("close", () => log.info("circuit closed"));
  watchCircuit(breaker, name);
  return {
    async run<T>(call: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(call)) as T;
      } catch (err) {
        if (err instanceof Error && CircuitBreaker.isOurError(err))
          throw new GoogleWalletError("Google Wallet calls are paused after repeated failures (circuit open)");
        throw err;
      }
    },
    get opened() {
      return breaker.opened;
    },
    shutdown: () => breaker.shutdown(),
  };
}

export type GoogleCircuit = ReturnType<typeof createGoogleCircuit>;
