import pRetry, { AbortError } from "p-retry";
import { logger } from "@/lib/observability";

// NREL's Alternative Fuels Data Center stations API (nearest.json). The key travels in the
// X-Api-Key header, never in the query string, so it stays out of URLs and access logs.

export type NrelClientOptions = {
  apiKey: string;
  /** e.g. https://developer.nrel.gov/api/alt-fuel-stations/v1 (NREL_API_BASE). */
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after a 5xx or a dropped connection (never after a 429). */
  retries?: number;
  /** The first retry waits this long, the next twice as long. */
  retryDelayMs?: number;
};

export type NearestQuery = { latitude: number; longitude: number; radiusMiles: number; offset: number; limit: number };

export type NearestPage = {
  totalResults: number;
  /** Station records as NREL sent them: parse each with `parseStation` (some are malformed). */
  stations: unknown[];
  /** X-RateLimit-Remaining, when NREL sent it. */
  rateLimitRemaining: number | null;
};

export type NearestResult =
  | { ok: true; page: NearestPage }
  /** 429 OVER_RATE_LIMIT: the key is blocked for about an hour (Retry-After when NREL sends one). */
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number | null }
  | { ok: false; reason: "unavailable" | "rejected"; detail: string };

class Rejected extends Error {}

const headerNumber = (res: Response, name: string) => {
  const raw = res.headers.get(name);
  const n = raw === null ? NaN : Number(raw);
  return Number.isFinite(n) ? n : null;
};

function pageOf(body: unknown, res: Response): NearestPage | null {
  if (!body || typeof body !== "object") return null;
  const { total_results, fuel_stations } = body as { total_results?: unknown; fuel_stations?: unknown };
  if (!Array.isArray(fuel_stations)) return null;
  return {
    totalResults: typeof total_results === "number" ? total_results : fuel_stations.length,
    stations: fuel_stations,
    rateLimitRemaining: headerNumber(res, "x-ratelimit-remaining"),
  };
}

export function createNrelClient(opts: NrelClientOptions) {
  const base = opts.baseUrl.replace(/\/+$/, "");

  async function once(q: NearestQuery): Promise<NearestResult> {
    const url = new URL(`${base}/nearest.json`);
    url.search = new URLSearchParams({
      fuel_type: "ELEC",
      status: "E,T",
      access: "public",
      latitude: String(q.latitude),
      longitude: String(q.longitude),
      radius: String(q.radiusMiles),
      limit: String(q.limit),
      offset: String(q.offset),
    }).toString();
    const res = await fetch(url, {
      headers: { "X-Api-Key": opts.apiKey, Accept: "application/json" },
      signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
    });
    if (res.status === 429) {
      await res.body?.cancel();
      return { ok: false, reason: "rate_limited", retryAfterSeconds: headerNumber(res, "retry-after") };
    }
    // 5xx is worth another attempt; any other refusal (bad key 403, bad query 422) is not.
    if (res.status >= 500) throw new Error(`NREL answered ${res.status}`);
    if (!res.ok) throw new Rejected(`NREL answered ${res.status}`);
    const page = pageOf(await res.json().catch(() => null), res);
    if (!page) throw new Rejected("NREL answered without a fuel_stations list");
    return { ok: true, page };
  }

  return {
    /** One page of public electric stations (open or temporarily unavailable) near a point. */
    async nearest(q: NearestQuery): Promise<NearestResult> {
      try {
        return await pRetry(
          async () => {
            try {
              return await once(q);
            } catch (err) {
              if (err instanceof Rejected) throw new AbortError(err);
              throw err;
            }
          },
          { retries: opts.retries ?? 2, minTimeout: opts.retryDelayMs ?? 2_000, factor: 2, randomize: true },
        );
      } catch (err) {
        const detail = err instanceof Error ? err.message : String(err);
        logger.warn({ provider: "nrel", offset: q.offset, detail }, "nrel request failed");
        return { ok: false, reason: err instanceof Rejected ? "rejected" : "unavailable", detail };
      }
    },
  };
}

export type NrelClient = ReturnType<typeof createNrelClient>;
