// `npm run bench:nearby:stages`: where the time of GET /api/discovery/nearby goes, stage by stage,
// on a bench database kept by `npm run bench:nearby` (BENCH_KEEP=1). In this process, the calls
// the route makes, each timed: parse (the zod contract), chargers (the first statement),
// perks (the perk cache, and the second statement for the chargers it lacks), order + pack,
// serialise (JSON.stringify) and compress (gzip, as the server does for a client that accepts
// it). With BENCH_URL, the same requests over HTTP too: "send" is the route's time minus this
// process's stages (the framework, compression, the socket and the client reading the answer).
//
//   BENCH_DB    the bench database (required), on TEST_DATABASE_URL's server (else DATABASE_URL's)
//   BENCH_URL   a running app serving it (optional), e.g. http://127.0.0.1:3400
//   BENCH_RUNS  runs per pass (default 200; two passes per radius, after 30 warm-ups)
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { AUSTIN } from "./bench-nearby-seed";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const WARMUP = 30;
const name = process.env.BENCH_DB;
const server = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!name || !/^nerava_bench_[a-z0-9_]+$/.test(name) || !server) {
  console.error("bench:nearby:stages needs BENCH_DB=nerava_bench_… (kept by bench:nearby) and TEST_DATABASE_URL.");
  process.exit(2);
}
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString(); // the nearby pool reads it on first use

const { nearbyQuery } = await import("../lib/discovery/nearby-contract");
const { areaOf } = await import("../lib/discovery/nearby/area");
const { readNearest } = await import("../lib/discovery/nearby/chargers");
const { readPerks } = await import("../lib/discovery/nearby/perks");
const { orderNearby } = await import("../lib/discovery/nearby/find-nearby");
const { packNearby } = await import("../lib/discovery/nearby-wire");
const { nearbyPool } = await import("../lib/discovery/nearby/pool");

// the same random points around Austin as bench:nearby (normal, σ 0.04°), from a fixed seed
let seed = 42;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const inCity = (radius: number) => ({
  lat: String(AUSTIN.lat + 0.04 * gauss()),
  lng: String(AUSTIN.lng + 0.04 * gauss()),
  radius: String(radius),
});

type Stage = "parse" | "chargers" | "perks" | "order + pack" | "serialise" | "compress" | "route (HTTP)";
type Times = Map<Stage, number[]>;

async function once(raw: Record<string, string>, times: Times | null): Promise<{ bytes: number; gzipped: number }> {
  const marks: [Stage, number][] = [];
  let t = performance.now();
  const lap = (stage: Stage) => {
    const now = performance.now();
    marks.push([stage, now - t]);
    t = now;
  };
  const query = nearbyQuery.parse(raw);
  lap("parse");
  const area = areaOf(query);
  const nearest = await readNearest(area, query, query.limit + 1);
  lap("chargers");
  const chargers = nearest.chargers.slice(0, query.limit);
  const perks = await readPerks(chargers, nearest.version);
  lap("perks");
  const wire = packNearby({
    chargers: orderNearby(chargers.map((c) => ({ ...c, perks: perks.get(c.id) ?? [] }))),
    truncated: nearest.chargers.length > query.limit,
    asOf: nearest.asOf,
  });
  lap("order + pack");
  const body = JSON.stringify(wire);
  lap("serialise");
  const gzipped = gzipSync(body).length; // Next's compression: zlib's default level
  lap("compress");
  if (process.env.BENCH_URL) {
    const res = await fetch(new URL(`/api/discovery/nearby?${new URLSearchParams(raw)}`, process.env.BENCH_URL));
    if (!res.ok) throw new Error(`HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`);
    await res.arrayBuffer();
    lap("route (HTTP)");
  }
  if (times) for (const [stage, ms] of marks) times.set(stage, [...(times.get(stage) ?? []), ms]);
  return { bytes: Buffer.byteLength(body), gzipped };
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const W = 22;

function report(title: string, times: Times) {
  console.log(`${title}\n${"stage".padEnd(W)}   p50 ms   p95 ms   mean ms`);
  const inProcess: number[] = new Array(RUNS).fill(0);
  for (const [stage, ms] of times) {
    if (stage !== "route (HTTP)") ms.forEach((m, i) => (inProcess[i] += m));
    console.log(
      `${stage.padEnd(W)} ${pct(ms, 50).toFixed(2).padStart(8)} ${pct(ms, 95).toFixed(2).padStart(8)} ${(sum(ms) / ms.length).toFixed(2).padStart(9)}`,
    );
  }
  const route = times.get("route (HTTP)");
  if (route) {
    const send = route.map((ms, i) => ms - inProcess[i]);
    console.log(
      `${"send (route − stages)".padEnd(W)} ${pct(send, 50).toFixed(2).padStart(8)} ${pct(send, 95).toFixed(2).padStart(8)} ${(sum(send) / send.length).toFixed(2).padStart(9)}`,
    );
  }
}

// Per radius, two passes of RUNS at points of the same distribution: the first meets the perk
// caches (this process's, and the server's) as they are — cold on a fresh server — and is shown
// as such; the second is the steady state a map server runs in. Over HTTP, a minute apart for
// the route's rate limit (600 a minute per address).
for (const [n, radius] of [2_000, 20_000].entries()) {
  if (process.env.BENCH_URL && n > 0) await new Promise((r) => setTimeout(r, 61_000));
  for (let i = 0; i < WARMUP; i++) await once(inCity(radius), null);
  const passes: Times[] = [new Map(), new Map()];
  let bytes = 0;
  let gzipped = 0;
  for (const times of passes)
    for (let i = 0; i < RUNS; i++) {
      const size = await once(inCity(radius), times);
      bytes += size.bytes;
      gzipped += size.gzipped;
    }
  console.log(
    `\n${radius / 1000} km, dense city: ${RUNS} runs a pass, answers ${(bytes / RUNS / 2 / 1024).toFixed(1)} KB (${(gzipped / RUNS / 2 / 1024).toFixed(1)} KB gzipped)`,
  );
  report("first pass (caches as found)", passes[0]);
  report("second pass (steady state)", passes[1]);
}
await nearbyPool().end();
