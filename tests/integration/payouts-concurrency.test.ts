import type { LedgerViolation } from "@/lib/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { fakeMeta, testDb } from "../support/factories";
import { newViolations } from "../support/ledger";
import { deliver, eventsFor, newKey, readyDriver, payoutKitPerFile, usdOf, type PayoutKit } from "../support/payouts";

// Many requests and deliveries at once against real PostgreSQL: the database, not timing, decides.
const file = payoutKitPerFile();
let kit: PayoutKit;
let baseline: LedgerViolation[];
beforeAll(() => void ({ kit, baseline } = file));

const standard = (amountCents: number) => ({ amountCents, method: "STANDARD" as const, idempotencyKey: newKey() });
const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });
const settled = (results: PromiseSettledResult<unknown>[]) => ({
  ok: results.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<unknown>).value),
  codes: results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason?.code),
});
const transitions = async (payoutId: string) =>
  (await testDb.payoutEvent.findMany({ where: { payoutId, toState: { not: null } }, orderBy: { id: "asc" } })).map(
    (e) => e.toState,
  );

describe("concurrent cash-out requests", () => {
  it("never spend more than the balance: ⌊B/x⌋ succeed, the rest are refused as insufficient", async () => {
    const B = 10_000;
    const x = 1_500;
    const { user, actor } = await readyDriver(kit, B);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () => kit.payouts.requestCashOut(actor, standard(x), fakeMeta())),
    );
    const { ok, codes } = settled(results);
    expect(ok).toHaveLength(Math.floor(B / x));
    expect(codes).toEqual(Array(12 - Math.floor(B / x)).fill("insufficient_funds"));
    expect(await usdOf(kit, user.id)).toBe(B - Math.floor(B / x) * x);
    expect(await testDb.payout.count({ where: { userId: user.id } })).toBe(Math.floor(B / x));
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("never pass the daily cap: 4 × $50 reach the $200 cap, the rest are refused as over the limit", async () => {
    const { user, actor } = await readyDriver(kit, 50_000);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => kit.payouts.requestCashOut(actor, standard(5_000), fakeMeta())),
    );
    const { ok, codes } = settled(results);
    expect(ok).toHaveLength(4);
    expect(codes).toEqual(Array(6).fill("payout_limit"));
    const counter = await testDb.usageCounter.findUniqueOrThrow({
      where: { key: `payout-day:${user.id}:${kit.payouts.businessDay()}` },
    });
    expect(counter.used).toBe(20_000n);
    expect(await usdOf(kit, user.id)).toBe(30_000);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("the same key sent 10 times at once makes one payout and one debit, and every answer names it", async () => {
    const { user, actor } = await readyDriver(kit, 5_000);
    const input = standard(2_000);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => kit.payouts.requestCashOut(actor, input, fakeMeta())),
    );
    const payouts = await testDb.payout.findMany({ where: { userId: user.id } });
    expect(payouts).toHaveLength(1);
    expect(new Set(answers.map((a) => a.id))).toEqual(new Set([payouts[0].id]));
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(await usdOf(kit, user.id)).toBe(3_000);
    expect(await newViolations(baseline)).toEqual([]);
  });
});

describe("concurrent webhook deliveries", () => {
  const deliverMany = async (event: object, n = 50) => {
    const answers = await Promise.all(Array.from({ length: n }, () => deliver(kit, event)));
    expect(answers.filter((a) => a.duplicate === true)).toHaveLength(n - 1);
    return answers.find((a) => a.duplicate !== true)!;
  };

  it("50 copies of each event of a payout's life: one transition per state, one settlement", async () => {
    const { actor, user } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(3_000), fakeMeta());
    // the transfer's answer is lost, so its webhook is what moves the payout on
    kit.fake.faults.next({ method: "POST", path: /^\/v1\/transfers$/, times: 2, kind: { drop: "after" } });
    await expect(kit.payouts.unsafeAdvancePayout(id)).rejects.toBeInstanceOf(kit.payouts.OutcomeUnknown);
    const transfer = kit.fake.control.objects.transfers().find((t) => t.metadata.payout_id === id)!;
    expect(await deliverMany(eventsFor(kit, "transfer.created", transfer.id)[0])).toEqual({ payout: id });
    expect(await payoutOf(id)).toMatchObject({ state: "TRANSFERRED", stripeTransferId: transfer.id });

    expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("submitted");
    const { stripePayoutId } = await payoutOf(id);
    await deliverMany(eventsFor(kit, "payout.created", stripePayoutId!)[0]);
    kit.fake.control.settlePayout(stripePayoutId!, "paid");
    expect(await deliverMany(eventsFor(kit, "payout.paid", stripePayoutId!)[0])).toEqual({ payout: id });

    expect(await transitions(id)).toEqual([
      "REQUESTED",
      "TRANSFER_SUBMITTED",
      "TRANSFERRED",
      "PAYOUT_SUBMITTED",
      "PAID",
    ]);
    const settlements = await testDb.ledgerTransaction.findMany({
      where: { type: "PAYOUT_SETTLE", metadata: { path: ["payoutId"], equals: id } },
    });
    expect(settlements.map((t) => t.id)).toEqual([(await payoutOf(id)).settleTxId]);
    expect(await usdOf(kit, user.id)).toBe(2_000);
    expect(await newViolations(baseline)).toEqual([]);
  });
});

describe("events out of order", () => {
  // a payout taken to Stripe's end (`outcome`), then `steps`: event types delivered, or "reverse" (the job)
  async function runWith(outcome: "paid" | "failed", steps: string[]) {
    const bank = outcome === "failed" ? { accountNumber: "000111111116" } : {};
    const { user, actor, accountId } = await readyDriver(kit, 5_000, bank);
    const { id } = await kit.payouts.requestCashOut(actor, standard(4_000), fakeMeta());
    await kit.payouts.unsafeAdvancePayout(id);
    const { stripePayoutId, stripeTransferId } = await payoutOf(id);
    kit.fake.control.settlePayout(stripePayoutId!, outcome);
    for (const step of steps) {
      if (step === "reverse") await kit.payouts.unsafeReverseFailedPayout(id);
      else
        await deliver(kit, eventsFor(kit, step, step.startsWith("transfer.") ? stripeTransferId! : stripePayoutId!)[0]);
    }
    const end = await payoutOf(id);
    return {
      end: { state: end.state, failureCode: end.failureCode, usd: await usdOf(kit, user.id) },
      atStripe: kit.fake.control.objects.transfers().filter((t) => t.destination === accountId),
    };
  }

  it("a bank failure ends returned whichever event comes first, and an old event after the return changes nothing", async () => {
    const runs = [
      await runWith("failed", ["transfer.created", "payout.created", "payout.failed", "reverse"]),
      await runWith("failed", ["payout.failed", "reverse", "payout.created", "transfer.created"]),
      // the failure's own event lost: the older payout.created, re-read from Stripe, tells it
      await runWith("failed", ["payout.created", "reverse", "transfer.created"]),
    ];
    for (const run of runs) {
      expect(run.end).toEqual({ state: "RETURNED", failureCode: "no_account", usd: 5_000 });
      expect(run.atStripe.map((t) => t.amount - t.amount_reversed)).toEqual([0]);
    }
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("an old payout.created after payout.paid never moves a paid payout back", async () => {
    const runs = [
      await runWith("paid", ["transfer.created", "payout.created", "payout.paid"]),
      await runWith("paid", ["payout.paid", "payout.created", "transfer.created"]),
      await runWith("paid", ["payout.created"]),
    ];
    for (const run of runs) {
      expect(run.end).toEqual({ state: "PAID", failureCode: null, usd: 1_000 });
      expect(run.atStripe.map((t) => t.amount - t.amount_reversed)).toEqual([4_000]);
    }
    expect(await newViolations(baseline)).toEqual([]);
  });
});

describe("a delivery whose handling fails", () => {
  it("answers 500 and stores nothing, so Stripe's redelivery is handled", async () => {
    const { actor } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(2_500), fakeMeta());
    await kit.payouts.unsafeAdvancePayout(id);
    const { stripePayoutId } = await payoutOf(id);
    kit.fake.control.settlePayout(stripePayoutId!, "paid");
    const [paid] = eventsFor(kit, "payout.paid", stripePayoutId!);

    kit.fake.faults.next({
      method: "GET",
      path: /^\/v1\/payouts\//,
      kind: { status: 500, error: { message: "boom" } },
    });
    await expect(deliver(kit, paid)).rejects.toMatchObject({ code: "webhook_failed", status: 500 });
    expect(kit.fake.faults.pending()).toBe(0);
    expect(await testDb.webhookEvent.count({ where: { eventId: paid.id } })).toBe(0);
    expect(await payoutOf(id)).toMatchObject({ state: "PAYOUT_SUBMITTED" });

    expect(await deliver(kit, paid)).toEqual({ payout: id });
    expect(await payoutOf(id)).toMatchObject({ state: "PAID" });
    expect(await testDb.webhookEvent.count({ where: { eventId: paid.id } })).toBe(1);
  });
});
