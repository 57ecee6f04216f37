import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/observability";

export type LimitPolicy = { points: number; durationSeconds: number; message: string };

const globalForLimits = globalThis as unknown as {
  nervaRedis?: Redis;
  nervaRedisFirstConnect?: Promise<void>;
  nervaLimiters?: Map<string, RateLimiterAbstract>;
};

// How long the first limited request of a process may wait for the first connection to Redis.
const FIRST_CONNECT_WAIT_MS = 2_000;

function redis(): Redis | undefined {
  const url = process.env.REDIS_URL;
  if (!url) return undefined;
  if (!globalForLimits.nervaRedis) {
    const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    // settles when the first attempt to connect ends either way (or after the wait): later outages
    // fail over at once, they do not wait
    globalForLimits.nervaRedisFirstConnect = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, FIRST_CONNECT_WAIT_MS);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      client.once("ready", done);
      client.once("error", done);
    });
    globalForLimits.nervaRedis = client;
  }
  return globalForLimits.nervaRedis;
}

/** Shared across instances through Redis when REDIS_URL is set; in-process otherwise (and if Redis is down). */
export function limiterFor(name: string, policy: Pick<LimitPolicy, "points" | "durationSeconds">): RateLimiterAbstract {
  const key = `${name}:${policy.points}:${policy.durationSeconds}`;
  const cache = (globalForLimits.nervaLimiters ??= new Map());
  let limiter = cache.get(key);
  if (!limiter) {
    const options = { keyPrefix: `rl:${name}`, points: policy.points, duration: policy.durationSeconds };
    const client = redis();
    limiter = client
      ? new RateLimiterRedis({ ...options, storeClient: client, insuranceLimiter: new RateLimiterMemory(options) })
      : new RateLimiterMemory(options);
    cache.set(key, limiter);
  }
  return limiter;
}

/** Spends one point for `subject`; throws a 429 AppError (with Retry-After) once the policy is spent. */
export async function consume(name: string, policy: LimitPolicy, subject: string | null | undefined): Promise<void> {
  if (!subject) return;
  const limiter = limiterFor(name, policy);
  // Without this, the first requests after a start find the connection still opening, and with no
  // offline queue they are counted by the in-process insurance only: each new instance let a few
  // through past the shared count (bench:scale saw 31 of a limit of 30).
  await globalForLimits.nervaRedisFirstConnect;
  try {
    await limiter.consume(subject.toLowerCase());
  } catch (err) {
    if (!isLimiterRefusal(err)) throw err;
    const retryAfter = Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    logger.warn({ limit: name, retryAfter }, "rate limited");
    throw new AppError("rate_limited", `${policy.message} Try again in ${humanize(retryAfter)}.`, {
      "Retry-After": String(retryAfter),
    });
  }
}

/**
 * The limiter rejects with a RateLimiterRes. Limiters are cached on globalThis, so the one a
 * route handler uses may come from another bundle's copy of the library: `instanceof` would
 * miss it and turn a 429 into a 500. Recognise it by shape instead.
 */
function isLimiterRefusal(err: unknown): err is { msBeforeNext: number } {
  return (
    err !== null &&
    typeof err === "object" &&
    !(err instanceof Error) &&
    typeof (err as { msBeforeNext?: unknown }).msBeforeNext === "number" &&
    typeof (err as { remainingPoints?: unknown }).remainingPoints === "number"
  );
}

/** Clears a subject's count (after a successful sign-in, failures should not linger). */
export async function resetLimit(name: string, policy: LimitPolicy, subject: string): Promise<void> {
  await limiterFor(name, policy).delete(subject.toLowerCase());
}

function humanize(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
