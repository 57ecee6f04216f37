import { setTimeout as sleep } from "node:timers/promises";
import CircuitBreaker from "opossum";
import pRetry from "p-retry";
import { logger, watchCircuit } from "@/lib/observability";
import { ProviderUnavailable, RateLimited, VehicleProviderError } from "./errors";

export type CallPolicy = {
  /** Per attempt. */
  timeoutMs: number;
  /** Extra attempts for idempotent reads only. */
  retries: number;
  minBackoffMs: number;
  maxBackoffMs: number;
  /** A 429 asking for a longer wait fails at once with RateLimited instead of holding the request. */
  maxRetryAfterSeconds: number;
  breaker: {
    /** Opens when more than this share of calls in the window failed... */
    errorThresholdPercentage: number;
    /** ...and at least this many calls were made in it. */
    volumeThreshold: number;
    rollingWindowMs: number;
    /** Open → half-open: one trial call is let through after this long. */
    resetTimeoutMs: number;
  };
};

export const DEFAULT_CALL_POLICY: CallPolicy = {
  timeoutMs: 8_000,
  retries: 2,
  minBackoffMs: 250,
  maxBackoffMs: 2_000,
  maxRetryAfterSeconds: 5,
  breaker: { errorThresholdPercentage: 50, volumeThreshold: 10, rollingWindowMs: 60_000, resetTimeoutMs: 30_000 },
};

export type CallOutcome = {
  family: string;
  operation: string;
  outcome: "ok" | VehicleProviderError["code"] | "error";
  seconds: number;
};

type Classify = (err: unknown, operation: string) => unknown;
type Breaker = CircuitBreaker<[() => Promise<unknown>], unknown>;

const isRetryable = (err: unknown, policy: CallPolicy) =>
  // A timeout is not retried: it already cost timeoutMs and the provider is probably struggling.
  (err instanceof ProviderUnavailable && (err.reason === "server_error" || err.reason === "network")) ||
  (err instanceof RateLimited && err.retryAfterSeconds <= policy.maxRetryAfterSeconds);

/** The breaker's own refusals (open, timed out) become ProviderUnavailable; everything else goes to `classify`. */
function toProviderError(err: unknown, operation: string, classify: Classify): unknown {
  if (err instanceof Error && CircuitBreaker.isOurError(err)) {
    const code = (err as Error & { code?: string }).code;
    return new ProviderUnavailable(code === "ETIMEDOUT" ? "timeout" : "circuit_open", { cause: err });
  }
  return classify(err, operation);
}

/**
 * Timeout + circuit breaker (one per operation family) + bounded retries for idempotent calls.
 * Retries sit outside the breaker: each attempt counts, and an open breaker stops the retrying.
 */
export function createCallGuard(opts: {
  name: string;
  policy: CallPolicy;
  classify: Classify;
  observe?: (o: CallOutcome) => void;
}) {
  const { name, policy, classify, observe } = opts;
  const breakers = new Map<string, Breaker>();

  function breakerFor(family: string): Breaker {
    let breaker = breakers.get(family);
    if (breaker) return breaker;
    breaker = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      name: `${name}.${family}`,
      timeout: policy.timeoutMs,
      errorThresholdPercentage: policy.breaker.errorThresholdPercentage,
      volumeThreshold: policy.breaker.volumeThreshold,
      rollingCountTimeout: policy.breaker.rollingWindowMs,
      rollingCountBuckets: 10,
      resetTimeout: policy.breaker.resetTimeoutMs,
      // The caller's mistakes and the driver's revoked grants say nothing about the provider's health.
      errorFilter: (err: unknown) => err instanceof VehicleProviderError && !(err instanceof ProviderUnavailable),
    });
    const log = logger.child({ provider: name, family });
    breaker.on("open", () => log.warn("circuit opened: failing fast"));
    breaker.on("halfOpen", () => log.info("circuit half-open: trying one call"));
    breaker.on("close", () => log.info("circuit closed"));
    watchCircuit(breaker, `${name}.${family}`);
    breakers.set(family, breaker);
    return breaker;
  }

  async function attempt<T>(family: string, operation: string, call: () => Promise<T>): Promise<T> {
    try {
      const guarded = () => call().catch((err: unknown) => Promise.reject(classify(err, operation)));
      return (await breakerFor(family).fire(guarded)) as T;
    } catch (err) {
      throw toProviderError(err, operation, classify);
    }
  }

  return {
    async run<T>(
      family: string,
      operation: string,
      call: () => Promise<T>,
      { idempotent }: { idempotent: boolean },
    ): Promise<T> {
      const started = performance.now();
      const report = (outcome: CallOutcome["outcome"]) =>
        observe?.({ family, operation, outcome, seconds: (performance.now() - started) / 1000 });
      try {
        const result = !idempotent
          ? await attempt(family, operation, call)
          : await pRetry(() => attempt(family, operation, call), {
              retries: policy.retries,
              minTimeout: policy.minBackoffMs,
              maxTimeout: policy.maxBackoffMs,
              randomize: true,
              shouldRetry: ({ error }) => isRetryable(error, policy),
              onFailedAttempt: async ({ error, retriesLeft }) => {
                if (retriesLeft > 0 && error instanceof RateLimited && isRetryable(error, policy)) {
                  await sleep(error.retryAfterSeconds * 1000);
                }
              },
            });
        report("ok");
        return result;
      } catch (err) {
        report(err instanceof VehicleProviderError ? err.code : "error");
        throw err;
      }
    },
    /** For tests and shutdown: stops the breakers' statistics timers. */
    shutdown(): void {
      for (const breaker of breakers.values()) breaker.shutdown();
      breakers.clear();
    },
  };
}

export type CallGuard = ReturnType<typeof createCallGuard>;
