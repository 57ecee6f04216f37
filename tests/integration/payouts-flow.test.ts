import type { LedgerViolation } from "@/lib/ledger";
import { beforeAll, describe, expect, it } from "vitest";
import { asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import { newViolations } from "../support/ledger";
import {
  deliver,
  eventsFor,
  fundDriver,
  newKey,
  readyDriver,
  payoutKitPerFile,
  transferredTo,
  usdOf,
  type PayoutKit,
} from "../support/payouts";

// A driver's cash-out from setup to the bank, through the real stripe SDK and the fake Stripe.
const file = payoutKitPerFile();
let kit: PayoutKit;
let baseline: LedgerViolation[];
beforeAll(() => void ({ kit, baseline } = file));

const standard = (amountCents: number) => ({ amountCents, method: "STANDARD" as const, idempotencyKey: newKey() });
const payoutOf = (id: string) => testDb.payout.findUniqueOrThrow({ where: { id } });
const noticeJobs = async (key: string) =>
  Number(
    (
      await testDb.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM pgboss.job WHERE name = 'payout-notice' AND singleton_key = $1`,
        key,
      )
    )[0].n,
  );

describe("cash-out setup", () => {
  it("makes one connected account per driver, a fresh link every time, and reads Stripe's state", async () => {
    const user = await createUser();
    const actor = asDriver(user.id);
    expect((await kit.payouts.getCashOutSetup(actor)).state).toBe("not_started");
    const first = await kit.payouts.startCashOutSetup(actor, fakeMeta());
    const second = await kit.payouts.startCashOutSetup(actor, fakeMeta());
    expect(first.url).not.toBe(second.url);
    const mine = kit.fake.control.objects.accounts().filter((a) => a.metadata.user_id === user.id);
    expect(mine).toHaveLength(1);
    expect((await kit.payouts.getCashOutSetup(actor)).state).toBe("incomplete");

    const accountId = mine[0].id;
    kit.fake.control.onboard(accountId, { dueFields: ["individual.id_number"] });
    const due = await kit.payouts.refreshCashOutSetup(actor);
    expect(due.state).toBe("due");
    expect(due.due).toContain("your Social Security number");

    kit.fake.control.onboard(accountId, {});
    const ready = await kit.payouts.refreshCashOutSetup(actor);
    expect(ready).toMatchObject({ state: "ready", bank: { last4: "6789" }, instantAvailable: true });

    // Stripe pauses the account with nothing listed ("other"): it reads as paused, never "all set"
    kit.fake.control.restrict(accountId, { disabledReason: "other" });
    const updated = eventsFor(kit, "account.updated", accountId).at(-1)!;
    await deliver(kit, updated);
    const paused = await kit.payouts.getCashOutSetup(actor);
    expect(paused).toMatchObject({ state: "restricted", headline: "Cash-out is paused" });
    await expect(kit.payouts.requestCashOut(actor, standard(500), fakeMeta())).rejects.toMatchObject({
      code: "cash_out_not_ready",
      status: 409,
    });
  });

  it("hosted links come back to our refresh page (expired or used) and our return page", async () => {
    const user = await createUser();
    const { url } = await kit.payouts.startCashOutSetup(asDriver(user.id), fakeMeta());
    expect((await fetch(url, { redirect: "manual" })).status).toBe(200);
    const link = kit.fake.control.objects.accountLinks().find((l) => url.endsWith(l.id))!;
    expect(link.refresh_url).toMatch(/\/app\/cash-out\/refresh$/);
    expect(link.return_url).toMatch(/\/app\/cash-out\/return$/);
  });
});

describe("a cash-out", () => {
  it("goes standard end to end: debit, transfer, payout, paid — each call with its derived key", async () => {
    const { user, actor, accountId } = await readyDriver(kit, 5_000);
    const input = standard(3_000);
    const { id } = await kit.payouts.requestCashOut(actor, input, fakeMeta());
    expect(await usdOf(kit, user.id)).toBe(2_000);
    // the same submit again: the same payout, nothing moves twice; other details under the key: refused
    expect(await kit.payouts.requestCashOut(actor, input, fakeMeta())).toEqual({ id, replayed: true });
    await expect(kit.payouts.requestCashOut(actor, { ...input, amountCents: 100 }, fakeMeta())).rejects.toMatchObject({
      code: "idempotency_conflict",
    });
    expect(await usdOf(kit, user.id)).toBe(2_000);

    expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("submitted");
    const sent = await payoutOf(id);
    expect(sent).toMatchObject({ state: "PAYOUT_SUBMITTED", payoutAttempt: 1 });
    const keys = kit.fake.control.requests().map((r) => r.idempotencyKey);
    expect(keys).toContain(`payout/${id}/transfer`);
    expect(keys).toContain(`payout/${id}/payout/1`);
    expect(transferredTo(kit, accountId)).toBe(3_000);

    kit.fake.control.settlePayout(sent.stripePayoutId!, "paid");
    const paid = eventsFor(kit, "payout.paid", sent.stripePayoutId!)[0];
    expect(await deliver(kit, paid)).toMatchObject({ payout: id });
    expect(await deliver(kit, paid)).toEqual({ duplicate: true });
    expect(await payoutOf(id)).toMatchObject({ state: "PAID" });
    expect(await noticeJobs(`notice:paid:${id}`)).toBe(1);
    const events = await testDb.payoutEvent.findMany({ where: { payoutId: id }, orderBy: { id: "asc" } });
    expect(events.filter((e) => e.toState).map((e) => e.toState)).toEqual([
      "REQUESTED",
      "TRANSFER_SUBMITTED",
      "TRANSFERRED",
      "PAYOUT_SUBMITTED",
      "PAID",
    ]);
    expect(await testDb.auditLog.count({ where: { targetId: id, action: { startsWith: "payout." } } })).toBe(5);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("instant: the 1% fee is booked and shown, and refused where the bank cannot take instant", async () => {
    const slow = await readyDriver(kit, 5_000, { instant: false });
    await expect(
      kit.payouts.requestCashOut(slow.actor, { ...standard(2_000), method: "INSTANT" }, fakeMeta()),
    ).rejects.toMatchObject({ code: "instant_unavailable", message: expect.stringMatching(/Choose standard/) });

    const fast = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(fast.actor, { ...standard(2_550), method: "INSTANT" }, fakeMeta());
    expect(await payoutOf(id)).toMatchObject({ amountCents: 2_550, feeCents: 26 });
    await kit.payouts.unsafeAdvancePayout(id);
    const po = kit.fake.control.objects.payouts().find((p) => p.metadata.payout_id === id)!;
    expect(po).toMatchObject({ amount: 2_524, method: "instant" });
    expect(await usdOf(kit, fast.user.id)).toBe(2_450);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("refuses amounts outside the limits and over the day's cap, in sentences, writing nothing", async () => {
    const { user, actor } = await readyDriver(kit, 0);
    await fundDriver(kit, user.id, 30_000);
    await expect(kit.payouts.requestCashOut(actor, standard(50), fakeMeta())).rejects.toMatchObject({
      code: "payout_limit",
      message: "The smallest cash-out is $1.00.",
    });
    await expect(kit.payouts.requestCashOut(actor, standard(10_001), fakeMeta())).rejects.toMatchObject({
      message: "The largest single cash-out is $100.00.",
    });
    await kit.payouts.requestCashOut(actor, standard(10_000), fakeMeta());
    await kit.payouts.requestCashOut(actor, standard(9_000), fakeMeta());
    await expect(kit.payouts.requestCashOut(actor, standard(1_500), fakeMeta())).rejects.toMatchObject({
      code: "payout_limit",
      message: "You can cash out $10.00 more today (the limit is $200.00 a day). Try a smaller amount.",
    });
    expect(await testDb.payout.count({ where: { userId: user.id } })).toBe(2);
    expect(await usdOf(kit, user.id)).toBe(11_000);
    const poor = await readyDriver(kit, 300);
    await expect(kit.payouts.requestCashOut(poor.actor, standard(500), fakeMeta())).rejects.toMatchObject({
      code: "insufficient_funds",
      message: "You have $3.00 available to cash out.",
    });
    expect(await testDb.payout.count({ where: { userId: poor.user.id } })).toBe(0);
    expect(await newViolations(baseline)).toEqual([]);
  });

  it("stops at the kill switch: no new cash-outs, and queued ones stay home", async () => {
    const { actor } = await readyDriver(kit, 5_000);
    const { id } = await kit.payouts.requestCashOut(actor, standard(1_000), fakeMeta());
    await testDb.featureFlag.upsert({
      where: { key: "PAYOUTS_ENABLED" },
      update: { enabled: false },
      create: { key: "PAYOUTS_ENABLED", enabled: false, description: "test" },
    });
    try {
      await expect(kit.payouts.requestCashOut(actor, standard(1_000), fakeMeta())).rejects.toMatchObject({
        code: "payouts_disabled",
        message: "Cash-out is paused right now.",
      });
      expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("paused");
      expect(kit.fake.control.objects.transfers().some((t) => t.metadata.payout_id === id)).toBe(false);
    } finally {
      await testDb.featureFlag.update({ where: { key: "PAYOUTS_ENABLED" }, data: { enabled: true } });
    }
    expect(await kit.payouts.unsafeAdvancePayout(id)).toBe("submitted");
  });

  it("a bank that refuses the deposit: failed, transfer reversed, the money back exactly once", async () => {
    const { user, actor, accountId } = await readyDriver(kit, 5_000, { accountNumber: "000111111116" });
    const { id } = await kit.payouts.requestCashOut(actor, standard(4_000), fakeMeta());
    await kit.payouts.unsafeAdvancePayout(id);
    const { stripePayoutId } = await payoutOf(id);
    kit.fake.control.settlePayout(stripePayoutId!, "failed", "no_account");
    const failed = eventsFor(kit, "payout.failed", stripePayoutId!)[0];
    await deliver(kit, failed);
    expect(await payoutOf(id)).toMatchObject({ state: "FAILED", failureCode: "no_account" });
    expect(await usdOf(kit, user.id)).toBe(1_000); // in the connected account until the reversal lands
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("returned");
    expect(await kit.payouts.unsafeReverseFailedPayout(id)).toBe("nothing to reverse");
    expect(await deliver(kit, failed)).toEqual({ duplicate: true });
    const returned = await payoutOf(id);
    expect(returned).toMatchObject({ state: "RETURNED" });
    expect(returned.failureReason).toMatch(/^Your bank could not find an account with those details\./);
    expect(await usdOf(kit, user.id)).toBe(5_000);
    expect(transferredTo(kit, accountId)).toBe(0);
    expect(await noticeJobs(`notice:failed:${id}`)).toBe(1);
    expect(await noticeJobs(`notice:returned:${id}`)).toBe(1);
    // Stripe marks the bank errored: the driver is asked to fix it before cashing out again
    for (const e of kit.fake.control
      .events()
      .filter((e) => e.type === "account.external_account.updated" && e.account === accountId))
      await deliver(kit, e);
    expect((await kit.payouts.getCashOutSetup(actor)).state).toBe("bank_problem");
    expect(await newViolations(baseline)).toEqual([]);
  });
});
