// bench:scale check b: a rate limit trips at the same count whether a driver's requests all go to
// one instance, alternate between them, or arrive at all of them at once: the count lives in
// Redis, not in each process. The limit: new spend codes per driver (POST /api/wallet/spend-token).
import { Redis } from "ioredis";
import { LIMITS } from "../lib/rate-limit/policies";
import { call, pool, type Check } from "./bench-scale-http";
import type { Instance } from "./bench-scale-servers";

const LIMIT = LIMITS.spendCodePerDriver.points;
const SENT = LIMIT + 10;

type Driver = { id: string; session: string };
type Run = { how: string; driver: Driver; allowed: number; refused: number; other: string[]; firstRefusal: number };

async function send(how: string, driver: Driver, pick: (n: number) => Instance, clients: number): Promise<Run> {
  const run: Run = { how, driver, allowed: 0, refused: 0, other: [], firstRefusal: 0 };
  await pool(
    clients,
    Array.from({ length: SENT }, (_, n) => async () => {
      const a = await call(pick(n), "POST", "/api/wallet/spend-token", driver.session);
      if (a.status === 200) run.allowed++;
      else if (a.status === 429) {
        run.refused++;
        run.firstRefusal ||= n + 1;
      } else run.other.push(`${a.status} ${a.text}`);
    }),
  );
  return run;
}

export async function checkLimits(instances: Instance[], drivers: Driver[], redisUrl: string): Promise<Check> {
  const [one, alternating, burst] = drivers;
  const runs = [
    await send(`all to ${instances[0].name}, one at a time`, one, () => instances[0], 1),
    await send("alternating between instances, one at a time", alternating, (n) => instances[n % instances.length], 1),
    await send(`alternating, ${SENT} at once`, burst, (n) => instances[n % instances.length], SENT),
  ];
  // the count itself, in the shared Redis database (rate-limiter-flexible's key: prefix:subject)
  const redis = new Redis(redisUrl, { lazyConnect: true });
  await redis.connect();
  const stored = await Promise.all(runs.map((r) => redis.get(`rl:spendCodePerDriver:${r.driver.id.toLowerCase()}`)));
  redis.disconnect();
  const detail = runs.map(
    (r, i) =>
      `${r.how}: ${r.allowed} allowed, ${r.refused} refused` +
      (r.firstRefusal ? ` (first refusal at request ${r.firstRefusal})` : "") +
      `; Redis count ${stored[i] ?? "none"}` +
      (r.other.length ? `; other answers: ${r.other.slice(0, 2).join(" | ")}` : ""),
  );
  const pass = runs.every(
    (r, i) =>
      r.allowed === LIMIT &&
      r.refused === SENT - LIMIT &&
      r.other.length === 0 &&
      Number(stored[i]) === SENT &&
      (i === 2 || r.firstRefusal === LIMIT + 1),
  );
  return {
    name: `b. rate limits are shared (spendCodePerDriver: ${LIMIT} per ${LIMITS.spendCodePerDriver.durationSeconds} s)`,
    pass,
    detail,
  };
}
