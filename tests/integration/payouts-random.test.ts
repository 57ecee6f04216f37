import type { LedgerViolation } from "@/lib/ledger";
import { beforeAll, expect, it } from "vitest";
import type { FaultRule } from "../fakes/stripe";
import type { Fault } from "@/lib/integrations/stripe/sandbox/types";
import { fakeMeta, testDb } from "../support/factories";
import { newViolations } from "../support/ledger";
import {
  deliver,
  newKey,
  readyDriver,
  payoutKitPerFile,
  transferredTo,
  usdOf,
  type PayoutKit,
} from "../support/payouts";

// Random requests, submissions under faults, bank answers and webhook deliveries (late, repeated,
// out of order), then a drain: whatever happened, the money adds up at Stripe and in the ledger.
// PAYOUT_RANDOM_SEED=<n> replays another run.
const SEED = Number(process.env.PAYOUT_RANDOM_SEED ?? 20_261_130);
const FUNDED = 30_000;
const OPERATIONS = Number(process.env.PAYOUT_RANDOM_OPS ?? 60);

const file = payoutKitPerFile();
let kit: PayoutKit;
let baseline: LedgerViolation[];
beforeAll(() => void ({ kit, baseline } = file));

/** mulberry32: small, fast, and the same sequence for the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    chance: (p: number) => next() < p,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: T[]): T | undefined => items[Math.floor(next() * items.length)],
  };
}

const boom: Fault = { status: 500, error: { message: "boom" } };
const refused = (code: string): Fault => ({ status: 400, error: { code, message: `refused: ${code}` } });
const lost: Fault[] = [{ drop: "after" }, { drop: "before" }];
// Faults by the call they hit. A refusal only for a key no earlier request acted on: within 24 h
// Stripe answers a used key with its first answer, so "created, answer lost, then refused" cannot happen.
const CALLS = {
  transfer: {
    path: /^\/v1\/transfers$/,
    unknown: [...lost, boom, { status: 429, error: { message: "slow" } }],
    refusal: refused("balance_insufficient"),
  },
  payout: { path: /^\/v1\/payouts$/, unknown: [...lost, boom], refusal: refused("payouts_not_allowed") },
  reversal: { path: /\/reversals$/, unknown: lost, refusal: refused("balance_insufficient") },
} satisfies Record<string, { path: RegExp; unknown: Fault[]; refusal: Fault }>;
const READ_FAULT: FaultRule = { method: "GET", path: /^\/v1\/payouts\//, kind: boom };
// what a random operation may be answered; anything else fails the run
const EXPECTED = new Set(["insufficient_funds", "payout_limit", "idempotency_conflict", "webhook_failed"]);
const IN_FLIGHT = ["REQUESTED", "TRANSFER_SUBMITTED", "TRANSFERRED", "PAYOUT_SUBMITTED"];

it(`cash-outs under random faults and deliveries end paid or returned, with the money adding up (seed ${SEED})`, async () => {
  console.info(`payouts-random seed: ${SEED}`);
  const rnd = prng(SEED);
  const drivers = [];
  for (let i = 0; i < 8; i++)
    drivers.push(await readyDriver(kit, FUNDED, i % 3 === 0 ? { accountNumber: "000111111116" } : {}));
  const accounts = new Set(drivers.map((d) => d.accountId));
  const sent: {
    driver: (typeof drivers)[number];
    input: { amountCents: number; method: "STANDARD" | "INSTANT"; idempotencyKey: string };
  }[] = [];
  const ids: string[] = [];
  const log: string[] = [];
  const inState = async (states: string[]) =>
    (await testDb.payout.findMany({ where: { id: { in: ids } }, select: { id: true, state: true } }))
      .filter((p) => states.includes(p.state))
      .map((p) => p.id)
      .sort((a, b) => ids.indexOf(a) - ids.indexOf(b));
  const ours = () => kit.fake.control.objects.payouts().filter((p) => ids.includes(p.metadata.payout_id ?? ""));
  const moneyEvents = () =>
    kit.fake.control
      .events()
      .filter((e) => /^(payout|transfer)\./.test(e.type) && (!e.account || accounts.has(e.account)));
  const expected = async (what: string, run: () => Promise<unknown>) => {
    try {
      log.push(`${what} → ${JSON.stringify(await run())}`);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      log.push(`${what} ✗ ${e.code ?? e.message}`);
      if (
        !(err instanceof kit.payouts.OutcomeUnknown) &&
        !EXPECTED.has(e.code ?? "") &&
        !/outcome unknown/.test(e.message ?? "")
      )
        throw new Error(`${what} failed unexpectedly (seed ${SEED}):\n${log.join("\n")}`, { cause: err });
    } finally {
      kit.fake.faults.clear();
    }
  };

  const queueFault = (call: keyof typeof CALLS, key: string) => {
    const { path, unknown, refusal } = CALLS[call];
    const acted = kit.fake.control
      .requests()
      .some((r) => r.idempotencyKey === key && (!r.fault || r.fault === "drop_after"));
    const kind = rnd.pick(acted ? unknown : [...unknown, refusal])!;
    kit.fake.faults.next({ method: "POST", path, times: "drop" in kind ? 2 : 1, kind });
    return JSON.stringify(kind);
  };

  for (let op = 0; op < OPERATIONS; op++) {
    const roll = rnd.int(1, 100);
    if (roll <= 30) {
      const again = rnd.chance(0.2) ? rnd.pick(sent) : undefined;
      const driver = again?.driver ?? rnd.pick(drivers)!;
      const input = again
        ? { ...again.input, amountCents: rnd.chance(0.5) ? again.input.amountCents : again.input.amountCents + 1 }
        : {
            amountCents: rnd.int(100, 6_000),
            method: rnd.chance(0.3) ? ("INSTANT" as const) : ("STANDARD" as const),
            idempotencyKey: newKey(),
          };
      await expected(`request ${input.amountCents} ${input.method}`, async () => {
        const answer = await kit.payouts.requestCashOut(driver.actor, input, fakeMeta());
        if (!answer.replayed) {
          ids.push(answer.id);
          sent.push({ driver, input });
        }
        return answer;
      });
    } else if (roll <= 55) {
      const id = rnd.pick(await inState(IN_FLIGHT));
      if (!id) continue;
      // a fault on the call this payout makes next: the transfer, the payout, or the payout's re-read
      const { state, stripePayoutId } = await testDb.payout.findUniqueOrThrow({ where: { id } });
      let fault = "";
      if (rnd.chance(0.4)) {
        if (state === "REQUESTED" || state === "TRANSFER_SUBMITTED")
          fault = queueFault("transfer", `payout/${id}/transfer`);
        else if (!stripePayoutId) fault = queueFault("payout", `payout/${id}/payout/1`);
        else {
          kit.fake.faults.next(READ_FAULT);
          fault = "read 500";
        }
      }
      await expected(`advance ${id} ${fault}`, () => kit.payouts.unsafeAdvancePayout(id));
    } else if (roll <= 70) {
      const pending = ours().filter((p) => p.status === "pending" || (p.status === "paid" && rnd.chance(0.15)));
      const po = rnd.pick(pending);
      if (!po) continue;
      const outcome = po.status === "paid" || rnd.chance(0.3) ? "failed" : "paid";
      kit.fake.control.settlePayout(po.id, outcome, rnd.pick(["no_account", "account_closed", "could_not_process"]));
      log.push(`settle ${po.id} ${outcome}`);
    } else if (roll <= 90) {
      const event = rnd.pick(moneyEvents());
      if (!event) continue;
      if (rnd.chance(0.1)) kit.fake.faults.next({ ...READ_FAULT });
      const times = rnd.chance(0.3) ? 2 : 1;
      for (let n = 0; n < times; n++) await expected(`deliver ${event.type} ${event.id}`, () => deliver(kit, event));
    } else {
      const id = rnd.pick(await inState(["FAILED"]));
      if (!id) continue;
      if (rnd.chance(0.3)) queueFault("reversal", `payout/${id}/reversal`);
      await expected(`reverse ${id}`, () => kit.payouts.unsafeReverseFailedPayout(id));
    }
  }

  // the drain: every payout submitted, every bank answer paid, every event delivered, every failure reversed
  for (let round = 0; round < 5 && (await inState([...IN_FLIGHT, "FAILED"])).length > 0; round++) {
    for (const id of await inState(IN_FLIGHT))
      await expected(`drain advance ${id}`, () => kit.payouts.unsafeAdvancePayout(id));
    for (const po of ours().filter((p) => p.status === "pending")) kit.fake.control.settlePayout(po.id, "paid");
    for (const event of moneyEvents()) await expected(`drain deliver ${event.type}`, () => deliver(kit, event));
    for (const id of await inState(["FAILED"]))
      await expected(`drain reverse ${id}`, () => kit.payouts.unsafeReverseFailedPayout(id));
  }

  const trail = `seed ${SEED}:\n${log.join("\n")}`;
  expect(ids.length, trail).toBeGreaterThanOrEqual(5);
  expect(await newViolations(baseline), trail).toEqual([]);
  for (const d of drivers) {
    const payouts = await testDb.payout.findMany({ where: { userId: d.user.id } });
    expect(
      payouts.filter((p) => p.state !== "PAID" && p.state !== "RETURNED"),
      trail,
    ).toEqual([]);
    const paid = payouts.filter((p) => p.state === "PAID");
    expect(transferredTo(kit, d.accountId), trail).toBe(paid.reduce((sum, p) => sum + p.amountCents - p.feeCents, 0));
    expect(await usdOf(kit, d.user.id), trail).toBe(FUNDED - paid.reduce((sum, p) => sum + p.amountCents, 0));
  }
});
