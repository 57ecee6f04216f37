// `npm run bench:scale`: two instances, one database. Creates a throwaway database on
// TEST_DATABASE_URL's server (else DATABASE_URL's; local hosts only), migrates it, starts two
// production servers (`npm run build` first) on it and on one Redis database (flushed first),
// both with JOBS_ENABLED=true, splits load between them and prints PASS/FAIL for:
//   a. no lost or doubled money (concurrent grants, the same idempotency key to both at once)
//   b. rate limits are shared (the same count trips whichever instance is asked)
//   c. each job runs once (queued jobs and every-minute schedules, both instances' workers competing)
//   d. the ledger's invariants after everything (checkLedger)
// Exit 0 only when all pass. Stops both instances and drops the database (BENCH_KEEP=1 keeps it).
//
//   BENCH_PORTS       instance ports (default 3710,3711)
//   BENCH_REDIS_URL   a Redis database of its own, flushed first (default redis://127.0.0.1:6379/9)
//   BENCH_GRANTS      grants with their own key (default 300); BENCH_SHARED_KEYS keys sent to every
//                     instance at once (default 40); BENCH_CLIENTS concurrent clients (default 16)
//   BENCH_JOBS        check-ledger jobs queued (default 60)
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { Redis } from "ioredis";
import { createDb } from "../lib/db/client";
import { applyMigrations } from "../lib/db/schema-engine";
import { checkLedger } from "../lib/ledger/check";
import { printCheck, type Check } from "./bench-scale-http";
import { checkJobs } from "./bench-scale-jobs";
import { checkLimits } from "./bench-scale-limits";
import { checkMoney, type People } from "./bench-scale-money";
import { assertBuilt, startInstances, stopInstances, type Instance } from "./bench-scale-servers";
import { localServer, onServer } from "./bench-db";

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const PORTS = (process.env.BENCH_PORTS ?? "3710,3711").split(",").map(Number);
const DRIVERS = 24;

/** An admin and drivers with Session rows (signing in through the app is argon2 and rate-limited by design). */
async function seedPeople(db: ReturnType<typeof createDb>, tag: string): Promise<People> {
  const expires = new Date(Date.now() + 3600_000);
  const session = async (userId: string) =>
    (
      await db.session.create({
        data: {
          sessionToken: `scale-${randomBytes(24).toString("base64url")}`,
          userId,
          expires,
          userAgent: "bench-scale",
        },
      })
    ).sessionToken;
  const admin = await db.user.create({
    data: { email: `scale-admin-${tag}@bench.local`, name: "Scale admin", role: "ADMIN" },
  });
  const drivers = [];
  for (let n = 0; n < DRIVERS; n++) {
    const d = await db.user.create({
      data: { email: `scale-driver-${tag}-${n}@bench.local`, name: `Scale driver ${n}` },
    });
    drivers.push({ id: d.id, session: await session(d.id) });
  }
  return { adminId: admin.id, adminSession: await session(admin.id), drivers };
}

async function main(): Promise<number> {
  const server = localServer(
    process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL,
    "TEST_DATABASE_URL or DATABASE_URL",
  );
  const redisUrl = localServer(process.env.BENCH_REDIS_URL ?? "redis://127.0.0.1:6379/9", "BENCH_REDIS_URL").toString();
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const name = `nerava_scale_${tag}`;
  const url = new URL(server);
  url.pathname = `/${name}`;
  const keep = process.env.BENCH_KEEP === "1";
  assertBuilt();
  await onServer(server, (c) => c.query(`CREATE DATABASE "${name}"`));
  const db = createDb(url.toString(), 4);
  const sql = new pg.Pool({ connectionString: url.toString(), max: 4 });
  let instances: Instance[] = [];
  try {
    await applyMigrations({ databaseUrl: url.toString(), migrationsDir: path.resolve("prisma/migrations") });
    const redis = new Redis(redisUrl);
    await redis.flushdb();
    redis.disconnect();
    const people = await seedPeople(db, tag);
    console.log(
      `bench:scale: database ${name} migrated, Redis ${redisUrl} flushed; starting ${PORTS.length} instances…`,
    );
    const since = new Date();
    instances = await startInstances(PORTS, { databaseUrl: url.toString(), redisUrl, metricsToken: "bench" });
    console.log(
      `${instances.map((i) => i.name).join(", ")} ready in ${((Date.now() - since.getTime()) / 1000).toFixed(1)} s\n`,
    );

    const checks: Check[] = [];
    const run = async (check: Promise<Check>) => {
      const c = await check;
      printCheck(c);
      checks.push(c);
    };
    const [limited, drivers] = [people.drivers.slice(0, 3), people.drivers.slice(3)];
    await run(
      checkMoney(
        { instances, people: { ...people, drivers }, db, sql, tag },
        { unique: num("BENCH_GRANTS", 300), shared: num("BENCH_SHARED_KEYS", 40), clients: num("BENCH_CLIENTS", 16) },
      ),
    );
    await run(checkLimits(instances, limited, redisUrl));
    await run(checkJobs({ instances, sql, databaseUrl: url.toString(), since }, num("BENCH_JOBS", 60)));
    const ledger = await checkLedger(db);
    await run(
      Promise.resolve({
        name: "d. ledger invariants after everything",
        pass: ledger.violations.length === 0,
        detail: [
          `checkLedger: ${ledger.transactions} transactions, ${ledger.accounts} accounts, ${ledger.violations.length} violations`,
          ...ledger.violations.slice(0, 10).map((v) => `${v.kind} ${v.id}: ${v.detail}`),
        ],
      }),
    );
    const failed = checks.filter((c) => !c.pass).length;
    console.log(`\nbench:scale: ${checks.length - failed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await stopInstances(instances);
    if (process.env.BENCH_LOGS === "1")
      for (const i of instances) console.log(`\n--- ${i.name}\n${i.lines.join("\n")}`);
    await Promise.allSettled([db.$disconnect(), sql.end()]);
    if (keep) console.log(`kept ${url.toString()}`);
    else await onServer(server, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error("bench:scale failed:", err instanceof Error ? err.message : err);
    process.exit(2);
  },
);
