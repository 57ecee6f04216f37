// `npm run bench:ledger`: load on the money endpoints of a running `next start`, next to the
// framework's cheapest route and to the same ledger writes done straight in PostgreSQL.
//
//   BENCH_URL     the running app (default http://127.0.0.1:3000)
//   DATABASE_URL  the app's database, reachable from here (required)
//   BENCH_SECONDS seconds per phase (default 15); BENCH_CLIENTS concurrent clients (default 32)
//   BENCH_DRIVERS driver accounts created (default 64)
//   BENCH_PHASES  which phases to run, e.g. "grant" while profiling one (default grant,redeem,health,raw)
//   BENCH_WARMUP  seconds each phase runs unmeasured first (default 3): every phase is timed warm,
//                 not only the ones after the first (JIT, the pools' connections, prepared statements)
//   BENCH_APP_PID the app's process id (same machine, Linux): adds the CPU time per request in each
//                 measured phase of the app, of PostgreSQL and of this script, beside the machine time
//                 a request had (scripts/bench-cpu.ts)
//
// Signing in through the app from a script is impractical (argon2 by design, sign-in rate
// limits), so the script writes Session rows for an admin and the drivers it creates and sends
// them as the session cookie (`nerava.session` for an http app, `__Host-nerava.session` for
// https; override with BENCH_COOKIE). Phase 1 grants 1–5 Nova per request spread over the
// drivers, far below the default daily cap; to grant more, start the server with
// NOVA_GRANT_DAILY_CAP=1000000000 NOVA_GRANT_MAX=1000000. Every POST sends Origin: BENCH_URL,
// so the app's NEXTAUTH_URL (or ALLOWED_ORIGINS) must be that origin. Writes real ledger rows:
// point it at a throwaway database.
import { createHash, randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createDb } from "../lib/db/client";
import { createId } from "../lib/ledger/ids";
import { checkLedger } from "../lib/ledger/check";
import { benchClient } from "./bench-client";
import { cpuPerRequest, cpuSnapshot, type CpuPerRequest } from "./bench-cpu";

const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const ORIGIN = BASE.origin;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 3);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const DRIVERS = Number(process.env.BENCH_DRIVERS ?? 64);
const COOKIE = process.env.BENCH_COOKIE ?? (BASE.protocol === "https:" ? "__Host-nerava.session" : "nerava.session");
const REQUEST_TIMEOUT_MS = 10_000;
const PHASES = new Set((process.env.BENCH_PHASES ?? "grant,redeem,health,raw").split(",").map((p) => p.trim()));
const APP_PID = process.env.BENCH_APP_PID;
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error("bench:ledger needs DATABASE_URL (the running app's database).");
  process.exit(2);
}

const db = createDb(DATABASE_URL, 4);
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: CLIENTS });
const tag = randomBytes(4).toString("hex");
const rand = () => randomBytes(12).toString("base64url");
const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)];

type Phase = {
  name: string;
  requests: number;
  errors: number;
  seconds: number;
  latencies: number[];
  samples: string[];
  /** CPU milliseconds per request in the measured window (BENCH_APP_PID), else undefined. */
  cpu?: CpuPerRequest;
};

/** CLIENTS loops calling `once` until the phase's time is up; each call is timed; false or a throw is an error. */
async function runPhase(name: string, once: () => Promise<true | string>): Promise<Phase> {
  const phase: Phase = { name, requests: 0, errors: 0, seconds: 0, latencies: [], samples: [] };
  process.stdout.write(`phase ${name}: ${CLIENTS} clients for ${WARMUP_SECONDS} s unmeasured, then ${SECONDS} s… `);
  const warmUntil = performance.now() + WARMUP_SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < warmUntil) await once().catch(() => undefined);
    }),
  );
  const cpuBefore = APP_PID ? cpuSnapshot(APP_PID) : undefined;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        let outcome: true | string;
        try {
          outcome = await once();
        } catch (err) {
          outcome = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
        phase.latencies.push(performance.now() - t);
        phase.requests++;
        if (outcome !== true) {
          phase.errors++;
          if (phase.samples.length < 3) phase.samples.push(outcome);
        }
      }
    }),
  );
  phase.seconds = (performance.now() - started) / 1000;
  if (APP_PID && cpuBefore) phase.cpu = cpuPerRequest(cpuBefore, cpuSnapshot(APP_PID), phase.requests);
  console.log(`${phase.requests} requests`);
  return phase;
}

const send = benchClient(BASE, CLIENTS, REQUEST_TIMEOUT_MS);

async function http(method: "GET" | "POST", path: string, cookie?: string, body?: unknown): Promise<true | string> {
  const res = await send(
    method,
    path,
    {
      ...(cookie ? { cookie: `${COOKIE}=${cookie}` } : {}),
      ...(method === "POST" ? { origin: ORIGIN, "content-type": "application/json" } : {}),
    },
    body === undefined ? undefined : JSON.stringify(body),
  );
  return res.status >= 200 && res.status < 300 ? true : `${res.status} ${res.text.slice(0, 200)}`;
}

async function setUp() {
  const health = await fetch(new URL("/api/health", BASE), { signal: AbortSignal.timeout(5000) }).catch(
    (e: Error) => e,
  );
  if (health instanceof Error || !health.ok)
    throw new Error(
      `no app answering at ${BASE.origin}/api/health (${health instanceof Error ? health.message : health.status})`,
    );
  const admin = await db.user.create({
    data: { email: `bench-admin-${tag}@bench.local`, name: "Bench admin", role: "ADMIN" },
  });
  const drivers = await Promise.all(
    Array.from({ length: DRIVERS }, (_, i) =>
      db.user.create({ data: { email: `bench-driver-${tag}-${i}@bench.local`, name: `Bench driver ${i}` } }),
    ),
  );
  const expires = new Date(Date.now() + 3600_000);
  const session = async (userId: string) =>
    (
      await db.session.create({
        data: { sessionToken: `bench-${rand()}${rand()}`, userId, expires, userAgent: "bench-ledger" },
      })
    ).sessionToken;
  const adminCookie = await session(admin.id);
  const driverCookies = await Promise.all(drivers.map((d) => session(d.id)));
  const merchant = await db.merchant.create({
    data: {
      slug: `bench-${tag}`,
      name: `Bench shop ${tag}`,
      category: "Coffee",
      address: "1 Bench St",
      latitude: 30.27,
      longitude: -97.74,
      qrToken: rand(),
      status: "ACTIVE",
      offers: { create: { title: "Bench coffee", description: "One Nova", novaPrice: 1 } },
    },
    include: { offers: true },
  });
  // Funds for phase 2 through the app itself (one grant per driver, within the default caps).
  for (const d of drivers) {
    const funded = await http("POST", "/api/admin/grants", adminCookie, {
      driverId: d.id,
      amount: 2000,
      reason: "bench funds",
      idempotencyKey: `bench-fund-${tag}-${d.id}`,
    });
    if (funded !== true) throw new Error(`funding a driver failed: ${funded}`);
  }
  return { admin, drivers, adminCookie, driverCookies, offerId: merchant.offers[0].id };
}

/** One grant's ledger writes in one PostgreSQL transaction, accounts touched in id order like postInTx. */
async function rawGrant(issuanceId: string, driverAccountIds: string[], adminId: string): Promise<true | string> {
  const client = await pool.connect();
  try {
    const amount = 1 + Math.floor(Math.random() * 5);
    const id = createId();
    const driverAccount = pick(driverAccountIds);
    await client.query("BEGIN");
    const claimed = await client.query(
      `INSERT INTO "LedgerTransaction" ("id", "idempotencyKey", "requestHash", "type", "reason", "actorId")
       VALUES ($1, $2, $3, 'GRANT', 'bench raw grant', $4) ON CONFLICT ("idempotencyKey") DO NOTHING RETURNING "id"`,
      [id, `bench-raw:${id}`, createHash("sha256").update(id).digest("hex"), adminId],
    );
    if (claimed.rowCount !== 1) throw new Error("idempotency key already used");
    const lines = [
      { account: issuanceId, amount: -amount },
      { account: driverAccount, amount },
    ].sort((a, b) => (a.account < b.account ? -1 : 1));
    for (const line of lines) {
      const moved = await client.query(
        `UPDATE "LedgerAccount" SET "balance" = "balance" + $1 WHERE "id" = $2 AND ("allowNegative" OR "balance" + $1 >= 0)`,
        [line.amount, line.account],
      );
      if (moved.rowCount !== 1) throw new Error("insufficient funds");
    }
    await client.query(
      `INSERT INTO "LedgerEntry" ("transactionId", "accountId", "amount") VALUES ($1, $2, $3), ($1, $4, $5)`,
      [id, lines[0].account, lines[0].amount, lines[1].account, lines[1].amount],
    );
    await client.query("COMMIT");
    return true;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The app's column is "–" for the raw phase, which does not go through the app. */
function cpuCells(phase: string, cpu: CpuPerRequest | undefined): string[] {
  if (!cpu) return ["–", "–", "–", "–"];
  return [phase.endsWith("(raw pg)") ? "–" : cpu.app, cpu.postgres, cpu.bench, cpu.machine].map((v) =>
    typeof v === "number" ? v.toFixed(2) : v,
  );
}

function report(phases: Phase[]) {
  const rows = phases.map((p) => {
    const sorted = [...p.latencies].sort((a, b) => a - b);
    return {
      phase: p.name,
      requests: p.requests,
      errors: p.errors,
      rps: p.requests / p.seconds,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      cpu: p.cpu,
    };
  });
  const cpuHeader = ["app CPU ms/req", "pg CPU", "bench CPU", "machine ms/req"];
  const header = ["phase", "requests", "errors", "req/s", "p50 ms", "p99 ms", ...(APP_PID ? cpuHeader : [])];
  const cells = rows.map((r) => [
    r.phase,
    String(r.requests),
    String(r.errors),
    r.rps.toFixed(1),
    r.p50.toFixed(1),
    r.p99.toFixed(1),
    ...(APP_PID ? cpuCells(r.phase, r.cpu) : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join("  ");
  console.log(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n${cells.map(line).join("\n")}`);
  const by = (name: string) => rows.find((r) => r.phase === name);
  const ratio = (a: string, b: string) => {
    const [x, y] = [by(a), by(b)];
    if (!x || !y) return;
    const t = (x.rps / y.rps).toFixed(3);
    console.log(`${a} ÷ ${b}: throughput ${t}, p50 ${(x.p50 / y.p50).toFixed(1)}×, p99 ${(x.p99 / y.p99).toFixed(1)}×`);
  };
  console.log("");
  ratio("grant (HTTP)", "health (HTTP)");
  ratio("redeem (HTTP)", "health (HTTP)");
  ratio("grant (HTTP)", "grant (raw pg)");
  for (const p of phases) for (const s of p.samples) console.log(`error sample (${p.name}): ${s}`);
}

async function main(): Promise<number> {
  console.log(`bench:ledger against ${BASE.origin}: ${CLIENTS} clients, ${SECONDS} s per phase, ${DRIVERS} drivers`);
  const { admin, drivers, adminCookie, driverCookies, offerId } = await setUp();
  const phases: Phase[] = [];

  if (PHASES.has("grant"))
    phases.push(
      await runPhase("grant (HTTP)", () =>
        http("POST", "/api/admin/grants", adminCookie, {
          driverId: pick(drivers).id,
          amount: 1 + Math.floor(Math.random() * 5),
          reason: "bench grant",
          idempotencyKey: `bench-${tag}-${rand()}`,
        }),
      ),
    );
  if (PHASES.has("redeem"))
    phases.push(
      await runPhase("redeem (HTTP)", () =>
        http("POST", `/api/offers/${offerId}/redeem`, pick(driverCookies), {
          idempotencyKey: `bench-${tag}-${rand()}`,
        }),
      ),
    );
  if (PHASES.has("health")) phases.push(await runPhase("health (HTTP)", () => http("GET", "/api/health")));

  if (PHASES.has("raw")) {
    // one of the issuance account's shards: the raw baseline keeps the old shape, one hot row
    const issuance = await db.ledgerAccount.findFirstOrThrow({
      where: { ownerType: "PLATFORM", ownerId: "platform", kind: "ISSUANCE", currency: "NOVA" },
      orderBy: { shard: "asc" },
    });
    const driverAccounts = await db.ledgerAccount.findMany({
      where: { ownerType: "DRIVER", ownerId: { in: drivers.map((d) => d.id) }, kind: "AVAILABLE", currency: "NOVA" },
      select: { id: true },
    });
    const driverAccountIds = driverAccounts.map((a) => a.id);
    phases.push(await runPhase("grant (raw pg)", () => rawGrant(issuance.id, driverAccountIds, admin.id)));
  }

  report(phases);
  await db.session.deleteMany({
    where: { userAgent: "bench-ledger", userId: { in: [admin.id, ...drivers.map((d) => d.id)] } },
  });

  const started = Date.now();
  const { violations, transactions, accounts } = await checkLedger(db);
  console.log(
    `\nledger check: ${transactions} transactions, ${accounts} accounts in ${Date.now() - started} ms: ${violations.length === 0 ? "clean" : `${violations.length} violation(s)`}`,
  );
  for (const v of violations.slice(0, 10)) console.log(`VIOLATION ${v.kind} ${v.id}: ${v.detail}`);
  return violations.length === 0 ? 0 : 1;
}

main()
  .catch((err: unknown) => {
    console.error("bench:ledger failed:", err instanceof Error ? err.message : err);
    return 2;
  })
  .then(async (code) => {
    await Promise.allSettled([db.$disconnect(), pool.end()]);
    process.exit(code);
  });
