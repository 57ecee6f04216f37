// `npm run bench:ledger-trace`: what one grant and one redeem cost in round trips. Against a
// running `next start` (BENCH_URL, DATABASE_URL as for bench:ledger), it sends TRACE_N grants,
// then TRACE_N redeems, one at a time, and counts what reached PostgreSQL (from the server's log,
// PG_LOG; turn on `ALTER DATABASE <db> SET log_statement = 'all'` before starting the app) and
// Redis (MONITOR on the app's REDIS_URL database) during each, grouped by statement.
import { randomBytes } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { Redis } from "ioredis";
import { createDb } from "../lib/db/client";

const BASE = new URL(process.env.BENCH_URL ?? "http://127.0.0.1:3000");
const N = Number(process.env.TRACE_N ?? 20);
const PG_LOG = process.env.PG_LOG ?? "/var/log/postgresql/postgresql-15-main.log";
const DATABASE_URL = process.env.DATABASE_URL!;
const dbName = new URL(DATABASE_URL).pathname.slice(1);
const redisUrl = new URL(process.env.REDIS_URL ?? "redis://127.0.0.1:6379/0");
const redisDb = redisUrl.pathname.slice(1) || "0";
const db = createDb(DATABASE_URL, 2);
const rand = () => randomBytes(12).toString("base64url");
const cookieName = BASE.protocol === "https:" ? "__Host-nerava.session" : "nerava.session";

async function post(path: string, cookie: string, body: unknown) {
  const res = await fetch(new URL(path, BASE), {
    method: "POST",
    headers: { cookie: `${cookieName}=${cookie}`, origin: BASE.origin, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
}

async function world() {
  const tag = rand().slice(0, 8);
  const expires = new Date(Date.now() + 3600_000);
  const user = (role?: "ADMIN") => db.user.create({ data: { email: `trace-${tag}-${rand()}@bench.local`, role } });
  const session = async (userId: string) =>
    (await db.session.create({ data: { sessionToken: `trace-${rand()}${rand()}`, userId, expires } })).sessionToken;
  const admin = await user("ADMIN");
  const drivers = await Promise.all(Array.from({ length: N }, () => user()));
  const merchant = await db.merchant.create({
    data: {
      ...{ slug: `trace-${tag}`, name: `Trace ${tag}`, category: "Coffee", address: "1 Trace St" },
      ...{ latitude: 30.27, longitude: -97.74, qrToken: rand(), status: "ACTIVE" },
      offers: { create: { title: "Trace coffee", description: "One Nova", novaPrice: 1 } },
    },
    include: { offers: true },
  });
  return {
    admin: await session(admin.id),
    drivers: await Promise.all(drivers.map(async (d) => ({ id: d.id, cookie: await session(d.id) }))),
    offerId: merchant.offers[0].id,
  };
}

/** Statements this database's sessions logged from `offset` on, each as its verb and first table. */
function pgStatements(offset: number): Map<string, number> {
  const text = readFileSync(PG_LOG).subarray(offset).toString("utf8");
  const counts = new Map<string, number>();
  // one record per log entry: a statement's own line breaks continue its record
  for (const record of text.split(/\n(?=\d{4}-\d\d-\d\d )/)) {
    const m = new RegExp(`@${dbName} LOG:  (?:execute [^:]*|statement): ([\\s\\S]*)`).exec(record);
    if (!m) continue;
    const sql = m[1].replace(/\s+/g, " ").trim();
    const verb = /^(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH|BEGIN|COMMIT|ROLLBACK|SET)/i.exec(sql)?.[1] ?? sql;
    const rest = verb.startsWith("SELECT") || verb === "WITH" ? sql.slice(sql.search(/ FROM /i)) : sql;
    const table = /"(?!public")(\w+)"/.exec(rest)?.[1] ?? "";
    const key = `${verb.toUpperCase()} ${table}`.trim();
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

async function measure(name: string, once: (i: number) => Promise<void>) {
  const redisCounts = new Map<string, number>();
  const monitor = await new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379").monitor();
  monitor.on("monitor", (_time: string, args: string[], _source: string, database: string) => {
    if (String(database) === redisDb)
      redisCounts.set(args[0].toUpperCase(), (redisCounts.get(args[0].toUpperCase()) ?? 0) + 1);
  });
  await new Promise((r) => setTimeout(r, 300));
  const offset = statSync(PG_LOG).size;
  for (let i = 0; i < N; i++) await once(i);
  await new Promise((r) => setTimeout(r, 1000)); // the log and MONITOR catch up
  monitor.disconnect();
  const pg = pgStatements(offset);
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${name}: ${N} requests, one at a time`);
  console.log(`  PostgreSQL: ${(total(pg) / N).toFixed(1)} statements per request`);
  for (const [k, v] of [...pg].sort((a, b) => b[1] - a[1])) console.log(`    ${(v / N).toFixed(2).padStart(6)}  ${k}`);
  console.log(`  Redis: ${(total(redisCounts) / N).toFixed(1)} commands per request`);
  for (const [k, v] of [...redisCounts].sort((a, b) => b[1] - a[1]))
    console.log(`    ${(v / N).toFixed(2).padStart(6)}  ${k}`);
}

const w = await world();
for (const d of w.drivers) await post("/api/admin/grants", w.admin, grantBody(d.id, 100)); // funds and warm-up
await measure("grant", (i) => post("/api/admin/grants", w.admin, grantBody(w.drivers[i].id, 1)));
await measure("redeem", (i) =>
  post(`/api/offers/${w.offerId}/redeem`, w.drivers[i].cookie, { idempotencyKey: `trace-${rand()}` }),
);
await db.$disconnect();

function grantBody(driverId: string, amount: number) {
  return { driverId, amount, reason: "trace", idempotencyKey: `trace-${rand()}` };
}
