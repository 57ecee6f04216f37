import { describe, expect, it } from "vitest";
import { accounts, checkLedger, getDriverBalances, postInTx, runMoneyTx } from "@/lib/ledger";
import {
  answerPurchase,
  listPurchaseQuestions,
  unsafeFundWaitingPurchases,
  unsafeReleaseDuePurchaseRewards,
} from "@/lib/purchases";
import { asDriver, createUser, fakeMeta, testDb } from "../support/factories";
import {
  chargingSession,
  driverWithPhone,
  ledgerCount,
  platformFees,
  purchaseMerchant,
  rewardOf,
  settle,
  squareOrder,
  topUp,
  usd,
  keepLedgerSound,
  phoneIn,
} from "../support/purchases";

const HOUR = 3600_000;
const ledger = keepLedgerSound();

/** The driver's available cash leaves for somewhere else (as a cash-out would), through the ledger. */
const spendElsewhere = (driverId: string, cents: number) =>
  runMoneyTx((tx) =>
    postInTx(tx, {
      idempotencyKey: `test-spend-${driverId}-${Math.random()}`,
      type: "GRANT",
      reason: "test: the cash went elsewhere",
      request: { driverId },
      lines: [
        { account: accounts.driverUsd(driverId), amount: -BigInt(cents) },
        { account: accounts.rewardsExpenseUsd(), amount: BigInt(cents) },
      ],
    }),
  );

const phone = () => phoneIn("512");
const answer = (driverId: string, rewardId: string, yes: boolean) =>
  answerPurchase(asDriver(driverId), { rewardId, answer: yes }, fakeMeta());

describe("a purchase matched by the driver's verified phone", () => {
  it("pays once into pending, to the cent, whatever the redelivery or status change", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    const fees = await platformFees();

    expect(await settle(order.id)).toEqual({ status: "PENDING" });
    for (let i = 0; i < 5; i++) await settle(order.id);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { version: 4, state: "COMPLETED" } });
    expect(await settle(order.id)).toEqual({ status: "PENDING" });

    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(1);
    expect(
      await testDb.ledgerTransaction.count({
        where: { idempotencyKey: { startsWith: `purchase:${order.squareOrderId}` } },
      }),
    ).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000 - 180, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 150 });
    expect((await platformFees()) - fees).toBe(30);
    const reward = await rewardOf(order.id);
    expect(reward).toMatchObject({
      status: "PENDING",
      strength: "PHONE",
      driverId: driver.id,
      rewardCents: 150,
      feeCents: 30,
    });
    expect(reward.releaseAt!.getTime()).toBe(order.orderedAt.getTime() + 72 * HOUR);
  });

  it("does nothing for an order that is not completed yet, and matches it once it is", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id, { lasted: null, status: "ACTIVE" });
    const order = await squareOrder(m, { phone: number, state: "OPEN", minutesAgo: 5 });
    expect(await settle(order.id)).toBeNull();
    expect(await testDb.purchaseReward.count({ where: { orderId: order.id } })).toBe(0);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { state: "COMPLETED", version: 2 } });
    expect(await settle(order.id)).toEqual({ status: "PENDING" });
  });

  it("wins even when two drivers charged there at the time", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const [buyer, other] = [await driverWithPhone(number), await driverWithPhone(phone())];
    await chargingSession(buyer.id, m.charger.id);
    await chargingSession(other.id, m.charger.id, { status: "PENDING_WITNESS" });
    const order = await squareOrder(m, { phone: number });
    expect(await settle(order.id)).toEqual({ status: "PENDING" });
    const reward = await rewardOf(order.id);
    expect(reward).toMatchObject({ driverId: buyer.id, strength: "PHONE" });
    expect(reward.candidates).toHaveLength(0);
  });
});

describe("refunds", () => {
  it("a full refund, delivered twice, reverses once and gives the merchant everything back; a partial refund keeps the reward while the minimum ticket is left", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const otherNumber = phone();
    const other = await driverWithPhone(otherNumber);
    await chargingSession(other.id, m.charger.id);
    const fees = await platformFees();

    // $20.00 refunded down to $5.00 (the minimum ticket) still earns
    const partial = await squareOrder(m, { phone: otherNumber, totalCents: 2_000 });
    await settle(partial.id);
    await testDb.squareOrder.update({ where: { id: partial.id }, data: { refundedCents: 1_500, version: 2 } });
    expect(await settle(partial.id)).toEqual({ status: "PENDING" });

    const order = await squareOrder(m, { phone: number });
    await settle(order.id);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { refundedCents: 1_240, version: 3 } });
    expect(await settle(order.id)).toEqual({ status: "REVERSED" });
    expect(await settle(order.id)).toEqual({ status: "REVERSED" });

    expect(await ledgerCount(`purchase:${order.squareOrderId}:reversal`)).toBe(1);
    expect(await ledgerCount(`purchase:${partial.squareOrderId}:reversal`)).toBe(0);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000 - 180, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 0 });
    expect(await usd("DRIVER", other.id)).toEqual({ available: 0, pending: 150 });
    expect((await platformFees()) - fees).toBe(30);
    expect(await rewardOf(order.id)).toMatchObject({ status: "REVERSED" });

    // refunded to below the minimum ticket: taken back, once
    await testDb.squareOrder.update({ where: { id: partial.id }, data: { refundedCents: 1_501, version: 3 } });
    expect(await settle(partial.id)).toEqual({ status: "REVERSED" });
    expect(await settle(partial.id)).toEqual({ status: "REVERSED" });
    expect(await ledgerCount(`purchase:${partial.squareOrderId}:reversal`)).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000, pending: 0 });
    expect(await usd("DRIVER", other.id)).toEqual({ available: 0, pending: 0 });
  });

  it("after the refund window the reward is available; a later full refund leaves a debt the wallet shows", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    await settle(order.id);

    await unsafeReleaseDuePurchaseRewards(new Date(Date.now() + 71 * HOUR));
    expect(await rewardOf(order.id)).toMatchObject({ status: "PENDING" });
    await unsafeReleaseDuePurchaseRewards(new Date(Date.now() + 73 * HOUR));
    await unsafeReleaseDuePurchaseRewards(new Date(Date.now() + 74 * HOUR));
    expect(await rewardOf(order.id)).toMatchObject({ status: "AVAILABLE" });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 150, pending: 0 });
    expect(await ledgerCount(`purchase:${order.squareOrderId}:available`)).toBe(1);

    await spendElsewhere(driver.id, 150); // e.g. cashed out

    await testDb.squareOrder.update({ where: { id: order.id }, data: { refundedCents: 1_240, version: 5 } });
    expect(await settle(order.id)).toEqual({ status: "REVERSED" });
    expect(await settle(order.id)).toEqual({ status: "REVERSED" });
    expect(await ledgerCount(`purchase:${order.squareOrderId}:reversal`)).toBe(1);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: -150, pending: 0 });
    expect((await getDriverBalances(asDriver(driver.id))).usd).toEqual({ available: -150, pending: 0, owedCents: 150 });
    // the debt is allowed by the clawback, nothing more: the ledger check stays clean here...
    expect((await checkLedger(testDb)).violations.filter((v) => v.kind === "negative_balance")).toEqual(
      ledger.baseline().filter((v) => v.kind === "negative_balance"),
    );
    // ...and a debit cannot deepen it
    await expect(spendElsewhere(driver.id, 1)).rejects.toMatchObject({ code: "insufficient_funds" });
  });

  it("the ledger check still flags a debt deeper than the clawback allowed", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    await settle(order.id);
    await unsafeReleaseDuePurchaseRewards(new Date(Date.now() + 73 * HOUR));
    await spendElsewhere(driver.id, 150);
    await testDb.squareOrder.update({ where: { id: order.id }, data: { refundedCents: 1_240, version: 2 } });
    await settle(order.id);
    const account = await testDb.ledgerAccount.findFirstOrThrow({
      where: { ownerType: "DRIVER", ownerId: driver.id, kind: "AVAILABLE", currency: "USD" },
    });
    const flagged = async () =>
      (await checkLedger(testDb)).violations.some((v) => v.kind === "negative_balance" && v.id === account.id);
    expect(await flagged()).toBe(false);
    // a write that bypassed the ledger: one more cent owed than any clawback took
    const tx = await testDb.ledgerTransaction.create({
      data: { idempotencyKey: `test-deeper-${account.id}`, requestHash: "x", type: "GRANT", reason: "test" },
    });
    const expense = await testDb.ledgerAccount.findFirstOrThrow({
      where: { ownerType: "PLATFORM", kind: "REWARDS_EXPENSE", currency: "USD" },
    });
    await testDb.ledgerEntry.createMany({
      data: [
        { transactionId: tx.id, accountId: account.id, amount: -1n },
        { transactionId: tx.id, accountId: expense.id, amount: 1n },
      ],
    });
    await testDb.ledgerAccount.update({ where: { id: account.id }, data: { balance: { decrement: 1n } } });
    await testDb.ledgerAccount.update({ where: { id: expense.id }, data: { balance: { increment: 1n } } });
    try {
      expect(await flagged()).toBe(true);
    } finally {
      // the ledger is append-only (a trigger refuses DELETE): undo the bypass with its mirror image
      const undo = await testDb.ledgerTransaction.create({
        data: { idempotencyKey: `test-undo-${account.id}`, requestHash: "x", type: "GRANT", reason: "test undo" },
      });
      await testDb.ledgerEntry.createMany({
        data: [
          { transactionId: undo.id, accountId: account.id, amount: 1n },
          { transactionId: undo.id, accountId: expense.id, amount: -1n },
        ],
      });
      await testDb.ledgerAccount.update({ where: { id: account.id }, data: { balance: { increment: 1n } } });
      await testDb.ledgerAccount.update({ where: { id: expense.id }, data: { balance: { decrement: 1n } } });
    }
  });
});

describe("the matching window", () => {
  it("matches a late offline order by its own timestamp, and leaves an order outside every window unmatched", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const number = phone();
    const driver = await driverWithPhone(number);
    // charged from 5 h 20 min ago to 4 h 30 min ago; the sale was 5 h ago and reaches us only now
    await chargingSession(driver.id, m.charger.id, { minutesAgo: 320, lasted: 50 });
    const late = await squareOrder(m, { phone: number, minutesAgo: 300 });
    expect(await settle(late.id)).toEqual({ status: "PENDING" });
    expect((await rewardOf(late.id)).releaseAt!.getTime()).toBe(late.orderedAt.getTime() + 72 * HOUR);

    const before = await usd("MERCHANT", m.merchant.id);
    // 45 minutes after that session ended (the window closes at +30): nobody's
    const outside = await squareOrder(m, { phone: number, minutesAgo: 225 });
    expect(await settle(outside.id)).toEqual({ status: "UNMATCHED" });
    expect(await ledgerCount(`purchase:${outside.squareOrderId}`)).toBe(0);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual(before);
  });

  it("counts a charger within 500 m of the location, not one farther away, nor a cancelled session", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const make = (latitude: number) =>
      testDb.charger.create({
        data: {
          externalId: `c-${Math.random()}`,
          name: "Elsewhere",
          address: "2 Test St",
          latitude,
          longitude: m.location.longitude!,
        },
      });
    // ~445 m and ~667 m north of the location
    const [near, far] = [await make(m.location.latitude! + 0.004), await make(m.location.latitude! + 0.006)];
    const [a, b, c] = [await driverWithPhone(phone()), await driverWithPhone(phone()), await driverWithPhone(phone())];
    await chargingSession(a.id, near.id);
    await chargingSession(b.id, far.id);
    await chargingSession(c.id, m.charger.id, { status: "CANCELLED" });
    const order = await squareOrder(m);
    expect(await settle(order.id)).toEqual({ status: "AWAITING_DRIVER" });
    expect((await rewardOf(order.id)).candidates.map((x) => x.driverId)).toEqual([a.id]);
  });
});

describe("asking the drivers", () => {
  it("asks every candidate, pays the first yes, learns the card, then pays that card automatically", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const [first, second, outsider] = [await createUser(), await createUser(), await createUser()];
    await chargingSession(first.id, m.charger.id);
    await chargingSession(second.id, m.charger.id, { lasted: null, status: "ACTIVE" });
    const card = `sq-1-${Math.random()}`;
    const order = await squareOrder(m, { card });

    expect(await settle(order.id)).toEqual({ status: "AWAITING_DRIVER" });
    const asked = await rewardOf(order.id);
    expect(asked.candidates.map((c) => c.driverId).sort()).toEqual([first.id, second.id].sort());
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(0);
    expect(await listPurchaseQuestions(asDriver(first.id))).toEqual([
      expect.objectContaining({ rewardId: asked.id, question: "Was this your $12.40 at Mueller Market Coffee?" }),
    ]);

    await expect(answer(outsider.id, asked.id, true)).rejects.toMatchObject({ status: 404 });
    expect(await answer(first.id, asked.id, true)).toEqual({ rewardId: asked.id, status: "PENDING" });
    await expect(answer(second.id, asked.id, true)).rejects.toMatchObject({ code: "purchase_answered", status: 409 });
    await expect(answer(first.id, asked.id, true)).rejects.toMatchObject({ code: "purchase_answered" });
    expect(await rewardOf(order.id)).toMatchObject({ status: "PENDING", strength: "CONFIRMED", driverId: first.id });
    expect(await usd("DRIVER", first.id)).toEqual({ available: 0, pending: 150 });
    expect(await usd("DRIVER", second.id)).toEqual({ available: 0, pending: 0 });
    expect(await testDb.cardFingerprint.findMany({ where: { merchantId: m.merchant.id } })).toEqual([
      expect.objectContaining({ fingerprint: card, driverId: first.id }),
    ]);
    expect(await listPurchaseQuestions(asDriver(second.id))).toEqual([]);
    expect(await testDb.auditLog.count({ where: { action: "purchase.claimed", targetId: asked.id } })).toBe(1);

    // the visit has earned its reward: another sale on that card in the same visit is not theirs to
    // earn, so only the other driver charging there is asked
    const sameVisit = await squareOrder(m, { card, minutesAgo: 15 });
    expect(await settle(sameVisit.id)).toEqual({ status: "AWAITING_DRIVER" });
    expect((await rewardOf(sameVisit.id)).candidates.map((c) => c.driverId)).toEqual([second.id]);
    // the next visit: the learned card pays at once
    await testDb.chargingSession.updateMany({ where: { driverId: second.id }, data: { status: "CANCELLED" } });
    await chargingSession(first.id, m.charger.id, { minutesAgo: 10, lasted: null, status: "ACTIVE" });
    const next = await squareOrder(m, { card, minutesAgo: 2 });
    expect(await settle(next.id)).toEqual({ status: "PENDING" });
    expect(await rewardOf(next.id)).toMatchObject({ strength: "CARD", driverId: first.id });
    expect(await usd("DRIVER", first.id)).toEqual({ available: 0, pending: 300 });
  });

  it("a tiny sale asks nobody and pays nothing; a driver earns one purchase reward a visit, however many sales they claim", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const driver = await createUser();
    await chargingSession(driver.id, m.charger.id, { lasted: null, status: "ACTIVE" });
    const tiny = await squareOrder(m, { totalCents: 1 });
    expect(await settle(tiny.id)).toEqual({ status: "UNMATCHED" });
    expect(await listPurchaseQuestions(asDriver(driver.id))).toEqual([]);

    const [a, b] = [await squareOrder(m, { minutesAgo: 5 }), await squareOrder(m, { minutesAgo: 4 })];
    for (const o of [a, b]) expect(await settle(o.id)).toEqual({ status: "AWAITING_DRIVER" });
    const [ra, rb] = [await rewardOf(a.id), await rewardOf(b.id)];
    expect(await answer(driver.id, ra.id, true)).toEqual({ rewardId: ra.id, status: "PENDING" });
    await expect(answer(driver.id, rb.id, true)).rejects.toMatchObject({
      code: "purchase_answered",
      message: expect.stringMatching(/one purchase a visit/),
    });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 150 });
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 5_000 - 180, pending: 0 });
    // and a sale after the visit's reward asks the driver nothing more
    const later = await squareOrder(m, { minutesAgo: 1 });
    expect(await settle(later.id)).toEqual({ status: "UNMATCHED" });
  });

  it("declines when every candidate says it was not theirs", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 5_000);
    const [a, b] = [await createUser(), await createUser()];
    await chargingSession(a.id, m.charger.id);
    await chargingSession(b.id, m.charger.id);
    const order = await squareOrder(m, { card: `sq-1-${Math.random()}` });
    expect(await settle(order.id)).toEqual({ status: "AWAITING_DRIVER" });
    const { id } = await rewardOf(order.id);
    expect(await answer(a.id, id, false)).toEqual({ rewardId: id, status: "NOT_YOURS" });
    expect(await rewardOf(order.id)).toMatchObject({ status: "AWAITING_DRIVER" });
    expect(await answer(b.id, id, false)).toEqual({ rewardId: id, status: "NOT_YOURS" });
    expect(await rewardOf(order.id)).toMatchObject({ status: "DECLINED" });
    expect(await testDb.cardFingerprint.count({ where: { merchantId: m.merchant.id } })).toBe(0);
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(0);
  });
});

describe("when the merchant's prepaid cash runs short", () => {
  it("waits without moving money, tells the owner once, and pays when a top-up arrives", async () => {
    const m = await purchaseMerchant();
    await topUp(m.merchant.id, 100);
    const number = phone();
    const driver = await driverWithPhone(number);
    await chargingSession(driver.id, m.charger.id);
    const order = await squareOrder(m, { phone: number });
    expect(await settle(order.id)).toEqual({ status: "WAITING_FUNDS" });
    expect(await settle(order.id)).toEqual({ status: "WAITING_FUNDS" });
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(0);
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 100, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 0 });

    // the sweep retries (still short) and tells the owner, at most once a day
    expect(await unsafeFundWaitingPurchases()).toMatchObject({ stillWaiting: expect.any(Number) });
    await unsafeFundWaitingPurchases(m.merchant.id);
    const mails = () =>
      testDb.outboxMessage.findMany({
        where: { to: m.owner.email!, subject: "A purchase reward is waiting for funds" },
      });
    expect(await mails()).toHaveLength(1);

    await topUp(m.merchant.id, 1_000);
    const queued = await testDb.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM pgboss.job WHERE name = 'fund-waiting-purchases' AND data->>'merchantId' = $1`,
      m.merchant.id,
    );
    expect(Number(queued[0].n)).toBeGreaterThanOrEqual(1);
    // the job the top-up queued
    expect(await unsafeFundWaitingPurchases(m.merchant.id)).toEqual({ paid: 1, stillWaiting: 0 });
    expect(await rewardOf(order.id)).toMatchObject({ status: "PENDING", strength: "PHONE" });
    expect(await usd("MERCHANT", m.merchant.id)).toEqual({ available: 1_100 - 180, pending: 0 });
    expect(await usd("DRIVER", driver.id)).toEqual({ available: 0, pending: 150 });
    expect(await ledgerCount(`purchase:${order.squareOrderId}`)).toBe(1);
    expect(await mails()).toHaveLength(1);
    // 920 cents left is under the $20 mark: the low-balance email, once
    await unsafeFundWaitingPurchases(m.merchant.id);
    const low = await testDb.outboxMessage.findMany({
      where: { to: m.owner.email!, subject: "Your prepaid balance is low" },
    });
    expect(low).toHaveLength(1);
  });
});
