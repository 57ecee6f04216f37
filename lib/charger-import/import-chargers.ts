import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { createNrelClient, parseStation, type NrelClient } from "@/lib/integrations/nrel";
import { logger } from "@/lib/observability";
import { parseRegions, type ImportRegion } from "./regions";
import { markUnlisted, writeStations } from "./write-stations";

export type ImportOptions = {
  /** Defaults come from the environment: NREL_API_KEY, NREL_API_BASE, NREL_REGIONS. */
  apiKey?: string;
  baseUrl?: string;
  regions?: ImportRegion[];
  /** NREL's maximum page. */
  pageSize?: number;
  /** A polite pause between pages. */
  pauseMs?: number;
  /** Stop a run (to resume tomorrow) when X-RateLimit-Remaining falls to this: the key is shared by all NREL APIs. */
  rateReserve?: number;
  /** A region larger than this many pages is cut short (and never marks stations gone). */
  maxPages?: number;
  retryDelayMs?: number;
};

/** ok: the whole region was listed; partial: cut short (rate budget low, too many pages); blocked: 429; failed: other. */
export type RegionStatus = "ok" | "partial" | "blocked" | "failed";
export type RegionOutcome = {
  region: string;
  status: RegionStatus;
  stationsSeen: number;
  created: number;
  updated: number;
  skipped: number;
  markedGone: number;
  message: string | null;
};
export type ImportResult = { skipped: string } | { regions: RegionOutcome[]; blockedUntil: Date | null };

const HOUR_S = 3600;

type Run = { client: NrelClient; pageSize: number; pauseMs: number; rateReserve: number; maxPages: number };
type RegionRun = { out: RegionOutcome; blockedUntil: Date | null; stopRun: boolean };

async function importRegion(run: Run, region: ImportRegion, startedAt: Date): Promise<RegionRun> {
  const out: RegionOutcome = {
    ...{ region: region.name, status: "ok", stationsSeen: 0, created: 0, updated: 0 },
    ...{ skipped: 0, markedGone: 0, message: null },
  };
  const listed = new Set<string>();
  let offset = 0;
  for (let page = 0; page < run.maxPages; page++) {
    if (page > 0 && run.pauseMs > 0) await sleep(run.pauseMs);
    const res = await run.client.nearest({ ...region, offset, limit: run.pageSize });
    if (!res.ok && res.reason === "rate_limited") {
      const waitS = Math.max(HOUR_S, res.retryAfterSeconds ?? 0);
      const blockedUntil = new Date(Date.now() + waitS * 1000);
      const message = "NREL answered 429 (over rate limit)";
      return { out: { ...out, status: "blocked", message }, blockedUntil, stopRun: true };
    }
    if (!res.ok) return { out: { ...out, status: "failed", message: res.detail }, blockedUntil: null, stopRun: false };
    const rows = [];
    for (const raw of res.page.stations) {
      const row = parseStation(raw);
      if (!row) out.skipped++;
      else if (!listed.has(row.externalId)) {
        listed.add(row.externalId);
        rows.push(row);
      }
    }
    const written = await writeStations(rows, startedAt);
    out.created += written.created;
    out.updated += written.updated;
    out.stationsSeen = listed.size;
    offset += res.page.stations.length;
    if (res.page.stations.length < run.pageSize || offset >= res.page.totalResults) {
      out.markedGone = await markUnlisted(region, listed, startedAt);
      return { out, blockedUntil: null, stopRun: false };
    }
    const remaining = res.page.rateLimitRemaining;
    if (remaining !== null && remaining <= run.rateReserve) {
      const message = `stopped with ${remaining} NREL requests left this hour`;
      return { out: { ...out, status: "partial", message }, blockedUntil: null, stopRun: true };
    }
  }
  const message = `stopped after ${run.maxPages} pages`;
  return { out: { ...out, status: "partial", message }, blockedUntil: null, stopRun: false };
}

async function record(out: RegionOutcome, startedAt: Date, blockedUntil: Date | null) {
  const data = {
    status: out.status,
    startedAt,
    finishedAt: new Date(),
    stationsSeen: out.stationsSeen,
    skipped: out.skipped,
    markedGone: out.markedGone,
    blockedUntil,
    message: out.message,
    ...(out.status === "ok" ? { lastSuccessAt: startedAt } : {}),
  };
  await db().chargerImportRun.upsert({
    where: { region: out.region },
    create: { region: out.region, ...data },
    update: data,
  });
  logger[out.status === "ok" ? "info" : "warn"](
    { job: "import-chargers", ...out, blockedUntil },
    "charger import region",
  );
}

/**
 * Fills the charger table from NREL for each configured region (the `import-chargers` job). Pages
 * are written as they arrive; a failure or a 429 stops the run and leaves every row as it was
 * (a 429 also blocks further runs for about an hour). Without a key it does nothing.
 */
export async function runChargerImport(opts: ImportOptions = {}): Promise<ImportResult> {
  const env = config();
  const apiKey = opts.apiKey ?? env.NREL_API_KEY;
  if (!apiKey) {
    logger.info({ job: "import-chargers" }, "NREL_API_KEY is not set: charger import skipped");
    return { skipped: "NREL_API_KEY is not set: the demo chargers stay" };
  }
  const block = await db().chargerImportRun.findFirst({
    where: { blockedUntil: { gt: new Date() } },
    orderBy: { blockedUntil: "desc" },
  });
  if (block?.blockedUntil) {
    logger.warn({ job: "import-chargers", blockedUntil: block.blockedUntil }, "charger import waits for NREL");
    return { skipped: `NREL rate limit: waiting until ${block.blockedUntil.toISOString()}` };
  }
  const run: Run = {
    client: createNrelClient({ apiKey, baseUrl: opts.baseUrl ?? env.NREL_API_BASE, retryDelayMs: opts.retryDelayMs }),
    pageSize: opts.pageSize ?? 200,
    pauseMs: opts.pauseMs ?? 1_000,
    rateReserve: opts.rateReserve ?? 5,
    maxPages: opts.maxPages ?? 50,
  };
  const regions: RegionOutcome[] = [];
  for (const region of opts.regions ?? parseRegions(env.NREL_REGIONS)) {
    const startedAt = new Date();
    const { out, blockedUntil, stopRun } = await importRegion(run, region, startedAt);
    await record(out, startedAt, blockedUntil);
    regions.push(out);
    // The key is blocked (or nearly spent) for every region: the rest wait for the next run.
    if (stopRun) return { regions, blockedUntil };
  }
  return { regions, blockedUntil: null };
}

/** The last run of each region, for operators. */
export async function readChargerImportRuns() {
  return db().chargerImportRun.findMany({ orderBy: { region: "asc" } });
}
