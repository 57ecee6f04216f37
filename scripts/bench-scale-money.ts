// bench:scale check a: admin grants spread over the instances, some idempotency keys sent to every
// instance at once. Exactly one transaction (and one audit row) per key, each driver's balance the
// sum of its distinct grants, the ledger's invariants and hash chains clean. HTTP + SQL reads only.
import type pg from "pg";
import { checkLedger } from "../lib/ledger/check";
import type { Db } from "../lib/db/client";
import { call, pool, type Answer, type Check } from "./bench-scale-http";
import type { Instance } from "./bench-scale-servers";

export type People = { adminId: string; adminSession: string; drivers: { id: string; session: string }[] };
type Grant = { key: string; driverId: string; amount: number; answers: Answer[] };

export async function checkMoney(
  opts: { instances: Instance[]; people: People; db: Db; sql: pg.Pool; tag: string },
  counts: { unique: number; shared: number; clients: number },
): Promise<Check> {
  const { instances, people, tag } = opts;
  const { drivers } = people;
  const grants: Grant[] = [];
  const tasks: (() => Promise<void>)[] = [];
  const body = (g: Grant) => ({ driverId: g.driverId, amount: g.amount, reason: "bench scale", idempotencyKey: g.key });
  const post = (i: Instance, g: Grant) => call(i, "POST", "/api/admin/grants", people.adminSession, body(g));
  // the shared keys spread evenly among the others, so they meet the load at every stage
  const step = Math.max(1, Math.floor((counts.unique + counts.shared) / counts.shared));
  for (let n = 0; n < counts.unique + counts.shared; n++) {
    const shared = n % step === 0 && n / step < counts.shared;
    const g: Grant = {
      key: `scale-${tag}-${n}`,
      driverId: drivers[n % drivers.length].id,
      amount: 1 + (n % 5),
      answers: [],
    };
    grants.push(g);
    tasks.push(
      shared
        ? // the same key to every instance at the same moment
          async () => void g.answers.push(...(await Promise.all(instances.map((i) => post(i, g)))))
        : async () => void g.answers.push(await post(instances[n % instances.length], g)),
    );
  }
  const started = Date.now();
  await pool(counts.clients, tasks);
  const seconds = (Date.now() - started) / 1000;
  const sharedGrants = grants.filter((g) => g.answers.length > 1);
  const answers = grants.flatMap((g) => g.answers);
  const problems: string[] = [];

  const failed = answers.filter((a) => a.status !== 200 && a.status !== 201);
  for (const a of failed.slice(0, 3)) problems.push(`refused: ${a.status} ${a.text}`);
  for (const g of sharedGrants) {
    const ids = new Set(g.answers.map((a) => a.body?.transactionId));
    const fresh = g.answers.filter((a) => a.status === 201).length;
    if (ids.size !== 1 || fresh !== 1)
      problems.push(`key ${g.key}: ${ids.size} transaction id(s) answered, ${fresh} posted fresh (want 1 and 1)`);
  }

  // SQL reads: the ledger's transactions and the audit rows of this admin, by idempotency key
  const { rows: txRows } = await opts.sql.query<{ key: string; n: string }>(
    `SELECT "idempotencyKey" AS key, count(*) AS n FROM "LedgerTransaction"
     WHERE "actorId" = $1 AND "type" = 'GRANT' GROUP BY 1`,
    [people.adminId],
  );
  const perKey = new Map(grants.map((g) => [g.key, 0]));
  for (const r of txRows) {
    const key = grants.find((g) => r.key.endsWith(`:${g.key}`))?.key;
    if (key) perKey.set(key, perKey.get(key)! + Number(r.n));
    else problems.push(`a grant transaction no request asked for: ${r.key}`);
  }
  const notOnce = [...perKey].filter(([, n]) => n !== 1);
  for (const [key, n] of notOnce.slice(0, 5)) problems.push(`key ${key}: ${n} transactions (want 1)`);
  const { rows: audits } = await opts.sql.query<{ n: string }>(
    `SELECT count(*) AS n FROM "AuditLog" WHERE "actorId" = $1 AND "action" = 'nova.granted'`,
    [people.adminId],
  );
  if (Number(audits[0].n) !== grants.length)
    problems.push(`${audits[0].n} 'nova.granted' audit rows for ${grants.length} keys`);

  // each driver's balance, read over HTTP from the instances in turn
  const expected = new Map(drivers.map((d) => [d.id, 0]));
  for (const g of grants) expected.set(g.driverId, expected.get(g.driverId)! + g.amount);
  let balancesRight = 0;
  await pool(
    8,
    drivers.map((d, n) => async () => {
      const a = await call(instances[n % instances.length], "GET", "/api/me/balances", d.session);
      const nova = (a.body?.nova as { available?: number } | undefined)?.available;
      if (nova === expected.get(d.id)) balancesRight++;
      else problems.push(`driver ${d.id}: balance ${nova ?? a.status}, sum of its grants ${expected.get(d.id)}`);
    }),
  );

  const ledger = await checkLedger(opts.db);
  for (const v of ledger.violations.slice(0, 5)) problems.push(`ledger: ${v.kind} ${v.id}: ${v.detail}`);
  const total = [...expected.values()].reduce((a, b) => a + b, 0);
  return {
    name: "a. no lost or doubled money across instances",
    pass: problems.length === 0,
    detail: [
      `${grants.length} keys (${sharedGrants.length} sent to all ${instances.length} instances at once), ${answers.length} requests, ` +
        `${counts.clients} clients, ${seconds.toFixed(1)} s; ${failed.length} refused`,
      `transactions: ${[...perKey.values()].filter((n) => n === 1).length}/${grants.length} keys exactly once; ` +
        `audit rows ${audits[0].n}`,
      `balances: ${balancesRight}/${drivers.length} drivers equal the sum of their distinct grants (${total} Nova in all)`,
      `checkLedger: ${ledger.transactions} transactions, ${ledger.accounts} accounts, ${ledger.violations.length} violations`,
      ...problems.slice(0, 10),
    ],
  };
}
